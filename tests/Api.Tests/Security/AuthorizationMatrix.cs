using System.Diagnostics.CodeAnalysis;
using Governance.Api.Authorization;

namespace Governance.Api.Tests.Security;

/// <summary>A matrix's rows, static because xUnit lists a theory case for each of its cells before any test runs.</summary>
public interface IAuthorizationTable<TRow>
    where TRow : AuthorizationRow
{
    static abstract IReadOnlyList<TRow> Matrix { get; }

    /// <summary>Whether what the matrix observes can show the change the row's route makes.</summary>
    static virtual bool ChangeIsObservable(TRow row) => true;
}

/// <summary>One row's request on one setup, with the member in its path, and the resources it could touch.</summary>
public sealed record MatrixRequest(string Method, string Path, string? Body, string[] Observed, string MediaType = "application/json")
{
    /// <summary>A live stream, whose body never ends while the decision is open: only its status and type are read.</summary>
    public bool IsStream => Path.EndsWith("/stream", StringComparison.Ordinal);

    public Task<HttpResponseMessage> Send(GovernanceClient client) =>
        Body is null
            ? client.Send(new HttpMethod(Method), Path, null, IsStream ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead)
            : client.SendRaw(new HttpMethod(Method), Path, Body, MediaType);
}

/// <summary>
/// Runs a table's routes against every kind of <see cref="Caller"/>, each cell an exact status (and problem code when
/// refused), on a setup of its own. A refused request must leave every resource it could have touched exactly as it
/// was, and the same request from its rightful caller must show there, or an unchanged observation would prove nothing.
/// </summary>
[SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "xUnit reads theory data from static members of the test class.")]
public abstract class AuthorizationMatrix<TTable, TRow, TSetup>(ApiFactory factory) : ApiTest(factory)
    where TTable : IAuthorizationTable<TRow>
    where TRow : AuthorizationRow
{
    public static TheoryData<string, Caller> Cells
    {
        get
        {
            var cells = new TheoryData<string, Caller>();
            foreach (var row in TTable.Matrix)
            {
                foreach (var caller in Enum.GetValues<Caller>())
                {
                    cells.Add(row.Key, caller);
                }
            }

            return cells;
        }
    }

    /// <summary>Every route that changes something observably, with each member its path can name.</summary>
    public static TheoryData<string, string> Changes
    {
        get
        {
            var changes = new TheoryData<string, string>();
            foreach (var row in TTable.Matrix.Where(row => row.Method != "GET" && TTable.ChangeIsObservable(row)))
            {
                changes.Add(row.Key, "plain");
                if (row.Template.Contains("{memberId}", StringComparison.Ordinal))
                {
                    changes.Add(row.Key, "other");
                }
            }

            return changes;
        }
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_caller_gets_exactly_the_status_the_matrix_says_and_a_refusal_changes_nothing(string route, Caller caller)
    {
        var row = TTable.Matrix.Single(candidate => candidate.Key == route);
        var expected = row.Expected(caller).Split(' ');
        var setup = await Arrange();
        var cooperative = CooperativeOf(setup);
        var request = RequestFor(row, setup, caller switch
        {
            Caller.MemberAsOther => cooperative.Other,
            Caller.Admin => cooperative.Admin,
            _ => cooperative.Plain,
        });
        var client = caller switch
        {
            Caller.Anonymous => Api.Anonymous,
            Caller.Outsider => Api.As(cooperative.Outsider),
            Caller.MemberAsOther or Caller.Member => Api.As(cooperative.Plain),
            Caller.AdminAsOther or Caller.Admin => Api.As(cooperative.Admin),
            Caller.AppKey => Api.WithAppKey(cooperative.Key),
            _ => throw new ArgumentOutOfRangeException(nameof(caller)),
        };
        var observer = Api.As(cooperative.Admin);
        var outsiders = Api.As(cooperative.Outsider);
        var outsidersView = OutsidersView(cooperative.OutsiderCooperative);
        var before = await observer.Observe(request.Observed);
        var outsidersBefore = await outsiders.Observe(outsidersView);

        var response = await request.Send(client);

        var status = (HttpStatusCode)int.Parse(expected[0]);
        if ((int)status >= 400)
        {
            await Expect.Problem(response, status, expected[1]);
            if (status == HttpStatusCode.Unauthorized)
            {
                Assert.Equal(["Bearer"], response.Headers.WwwAuthenticate.Select(challenge => challenge.ToString()));
            }

            Assert.Equal(before, await observer.Observe(request.Observed));
            Assert.Equal(outsidersBefore, await outsiders.Observe(outsidersView));
        }
        else if (status == HttpStatusCode.NoContent)
        {
            await Expect.NoContent(response);
        }
        else if (request.IsStream)
        {
            using (response)
            {
                Assert.Equal((status, "text/event-stream"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
            }
        }
        else
        {
            await Expect.Status(response, status);
        }
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task What_the_matrix_observes_shows_the_change_when_the_rightful_caller_makes_it(string route, string victim)
    {
        var row = TTable.Matrix.Single(candidate => candidate.Key == route);
        var setup = await Arrange();
        var cooperative = CooperativeOf(setup);
        var pathMember = victim == "plain" ? cooperative.Plain : cooperative.Other;
        var request = RequestFor(row, setup, pathMember);
        var rightful = Rightful(row, cooperative, pathMember);
        var observer = Api.As(cooperative.Admin);
        var before = await observer.Observe(request.Observed);

        var response = await request.Send(Api.As(rightful));

        Assert.True(response.IsSuccessStatusCode, $"{row.Key} as {rightful}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.NotEqual(before, await observer.Observe(request.Observed));
    }

    /// <summary>A fresh setup for one test, so that no test sees another's changes.</summary>
    protected abstract Task<TSetup> Arrange();

    protected abstract IMatrixCooperative CooperativeOf(TSetup setup);

    protected abstract MatrixRequest RequestFor(TRow row, TSetup setup, string pathMember);

    /// <summary>What the outsider sees in their own cooperative, which a refused request must not change either.</summary>
    protected abstract string OutsidersView(string outsiderCooperative);

    /// <summary>Whom the route is meant for: the member in its path when it acts on oneself, otherwise the admin.</summary>
    protected virtual string Rightful(TRow row, IMatrixCooperative cooperative, string pathMember) =>
        row.Access is Access.Self or Access.SelfOrAdmin ? pathMember : cooperative.Admin;
}
