namespace Governance.Api.Tests.Errors;

/// <summary>Every list refuses a limit outside 1..Api:MaxPageSize (200 here) with a 400, and accepts the bounds.</summary>
[Collection(ApiCollection.Name)]
public sealed class PagingLimitTests(ApiFactory factory) : ApiTest(factory)
{
    public enum List
    {
        Members,
        Proposals,
        Ballots,
    }

    [Theory]
    [InlineData(List.Members, "0")]
    [InlineData(List.Members, "-1")]
    [InlineData(List.Members, "201")]
    [InlineData(List.Proposals, "0")]
    [InlineData(List.Proposals, "201")]
    [InlineData(List.Ballots, "0")]
    [InlineData(List.Ballots, "-5")]
    [InlineData(List.Ballots, "1000000")]
    public async Task A_limit_out_of_range_is_a_400_naming_limit(List list, string limit)
    {
        var path = await PathOf(list);

        var response = await Api.Get(Routes.WithQuery(path, ("limit", limit)));

        await Expect.Problem(response, HttpStatusCode.BadRequest, "invalid-limit", "limit");
    }

    [Theory]
    [InlineData(List.Members, "abc")]
    [InlineData(List.Proposals, "1.5")]
    [InlineData(List.Ballots, "")]
    [InlineData(List.Ballots, "99999999999")]
    public async Task A_limit_that_is_not_a_whole_number_is_a_400(List list, string limit)
    {
        var path = await PathOf(list);

        var response = await Api.Get(Routes.WithQuery(path, ("limit", limit)));

        await Expect.Problem(response, HttpStatusCode.BadRequest, "malformed-request");
    }

    [Theory]
    [InlineData(List.Members)]
    [InlineData(List.Proposals)]
    [InlineData(List.Ballots)]
    public async Task The_bounds_1_and_200_are_accepted(List list)
    {
        var path = await PathOf(list);

        var one = await Api.GetJson(Routes.WithQuery(path, ("limit", "1")));
        var most = await Api.GetJson(Routes.WithQuery(path, ("limit", "200")));

        Assert.Single(one.GetProperty("items").EnumerateArray());
        Assert.Equal(2, most.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, most.GetProperty("nextCursor").ValueKind);
    }

    /// <summary>The list, holding two items.</summary>
    private async Task<string> PathOf(List list)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        switch (list)
        {
            case List.Members:
                return Routes.Members(cooperative);
            case List.Proposals:
                await Api.CreateProposal(cooperative);
                await Api.CreateProposal(cooperative);
                return Routes.Proposals(cooperative);
            default:
                var proposal = await Api.OpenProposal(cooperative);
                await Api.Vote(cooperative, proposal, "ann", "yes");
                await Api.Vote(cooperative, proposal, "ben", "no");
                return Routes.Votes(cooperative, proposal);
        }
    }
}
