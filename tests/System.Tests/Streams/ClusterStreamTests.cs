using System.Net.Http.Headers;
using Governance.Client;
using Governance.System.Tests.Failover;

namespace Governance.System.Tests.Streams;

/// <summary>
/// A live tally in a cluster: the API process is only a client, so every decision grain lives on a silo, and the
/// stream it serves follows the grain there, through votes and a default delegation to the final tally.
/// </summary>
public sealed class ClusterStreamTests : IAsyncLifetime
{
    private readonly List<HttpClient> _clients = [];
    private LocalCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await LocalCluster.StartAsync(silos: 2, new Dictionary<string, string>());

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task A_tally_stream_served_by_the_api_client_follows_a_decision_grain_on_a_silo_to_its_end()
    {
        var ann = await ClientAsync("ann");
        var ben = await ClientAsync("ben");
        var cooperative = (await ann.CreateCooperativeAsync(new CreateCooperativeRequest { Id = "live", Name = "Live" })).Id;
        await ann.AddMemberAsync(cooperative, new AddMemberRequest { Id = "ben" });
        await ann.CreateProposalAsync(cooperative, new CreateProposalRequest { Id = "van", Title = "Buy a van" });
        await ann.OpenProposalAsync(cooperative, "van");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var yes = new List<int>();
        ServerSentEvent<TallyView>? last = null;

        await foreach (var message in ben.StreamTallyAsync(cooperative, "van", cancellationToken: timeout.Token))
        {
            yes.Add(message.Data.Counts.Yes);
            last = message;
            switch (yes.Count)
            {
                case 1:
                    await ann.CastVoteAsync(cooperative, "van", "ann", new CastVoteRequest { Choice = VoteChoice.Yes });
                    break;
                case 2:
                    await ben.SetDefaultDelegationAsync(cooperative, "ben", new SetDelegationRequest { DelegateId = "ann" });
                    break;
                case 3:
                    await ann.CloseProposalAsync(cooperative, "van");
                    break;
            }
        }

        Assert.Equal([0, 1, 2, 2], yes);
        Assert.Equal(ProposalStatus.Closed, last!.Data.Status);
        Assert.Equal(ProposalOutcome.Accepted, last.Data.Outcome);
    }

    [Fact]
    public async Task A_tally_stream_carries_on_when_the_silo_of_its_decision_is_killed()
    {
        var ann = await ClientAsync("ann");
        var ben = await ClientAsync("ben");
        var cat = await ClientAsync("cat");
        var cooperative = (await ann.CreateCooperativeAsync(new CreateCooperativeRequest { Id = "failover", Name = "Failover" })).Id;
        await ann.AddMemberAsync(cooperative, new AddMemberRequest { Id = "ben" });
        await ann.AddMemberAsync(cooperative, new AddMemberRequest { Id = "cat" });
        await ann.CreateProposalAsync(cooperative, new CreateProposalRequest { Id = "van", Title = "Buy a van" });
        await ann.OpenProposalAsync(cooperative, "van");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await using var stream = ben.StreamTallyAsync(cooperative, "van", cancellationToken: timeout.Token).GetAsyncEnumerator(timeout.Token);
        Assert.Equal(0, await NextYes(stream));
        await ann.CastVoteAsync(cooperative, "van", "ann", new CastVoteRequest { Choice = VoteChoice.Yes });
        Assert.Equal(1, await NextYes(stream));

        var host = await HostOfTheProposalAsync();
        await host.KillAsync();
        await _cluster.StartSiloAsync();
        await UntilAcknowledged(() => cat.CastVoteAsync(cooperative, "van", "cat", new CastVoteRequest { Choice = VoteChoice.Yes }), timeout.Token);

        // The same stream, never reopened: the API watched the decision again where it came back.
        Assert.Equal(2, await NextYes(stream));
    }

    private static async Task<int> NextYes(IAsyncEnumerator<ServerSentEvent<TallyView>> stream) =>
        await stream.MoveNextAsync() ? stream.Current.Data.Counts.Yes : throw new InvalidOperationException("The stream ended.");

    private async Task<Hosting.SiloProcess> HostOfTheProposalAsync()
    {
        foreach (var silo in _cluster.Silos)
        {
            if (await silo.ActivationsAsync("proposal") > 0)
            {
                return silo;
            }
        }

        throw new InvalidOperationException("No silo holds the proposal.");
    }

    /// <summary>Sends again while the cluster is still finding out that a silo died (503), as a client following Retry-After would.</summary>
    private static async Task UntilAcknowledged(Func<Task> send, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await send();
                return;
            }
            catch (GovernanceApiException refused) when (refused.StatusCode == 503)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
        }
    }

    private async Task<GovernanceClient> ClientAsync(string member)
    {
        var http = new HttpClient { BaseAddress = _cluster.Api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _cluster.IssueTokenAsync(member));
        _clients.Add(http);
        return new GovernanceClient(http);
    }
}
