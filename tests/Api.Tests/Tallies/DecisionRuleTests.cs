namespace Governance.Api.Tests.Tallies;

/// <summary>
/// Quorum (share of eligible members whose weight counted, at least) and threshold (yes over yes plus no, strictly
/// above), from the cooperative's defaults or the proposal's own.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DecisionRuleTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly string[] Ten = ["m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9"];

    [Fact]
    public async Task A_proposal_in_discussion_has_an_empty_tally()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var proposal = await Api.CreateProposal(cooperative);

        Expect.Tally(await Api.Tally(cooperative, proposal), "discussion", 0, 0, (0, 0, 0), quorumReached: false, outcome: null);
    }

    [Fact]
    public async Task A_quorum_met_exactly_is_reached()
    {
        var cooperative = await Api.CreateCooperative(members: Ten, quorum: 0.3);
        var proposal = await Api.OpenProposal(cooperative);
        await Vote(cooperative, proposal, ("m0", "yes"), ("m1", "yes"));
        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", 10, 2, (2, 0, 0), quorumReached: false, outcome: null);

        await Vote(cooperative, proposal, ("m2", "no"));

        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", 10, 3, (2, 1, 0), quorumReached: true, outcome: null);
        await Api.Close(cooperative, proposal);
        Expect.Tally(await Api.Tally(cooperative, proposal), "closed", 10, 3, (2, 1, 0), quorumReached: true, outcome: "accepted");
    }

    [Fact]
    public async Task Without_quorum_even_a_unanimous_yes_is_rejected()
    {
        var cooperative = await Api.CreateCooperative(members: Ten, quorum: 0.5);
        var proposal = await Api.OpenProposal(cooperative);
        await Vote(cooperative, proposal, ("m0", "yes"), ("m1", "yes"), ("m2", "yes"), ("m3", "yes"));

        var closed = await Api.Close(cooperative, proposal);

        Assert.Equal("rejected", closed.GetProperty("outcome").GetString());
        Expect.Tally(await Api.Tally(cooperative, proposal), "closed", 10, 4, (4, 0, 0), quorumReached: false, outcome: "rejected");
    }

    [Fact]
    public async Task Delegated_weight_counts_toward_quorum()
    {
        var cooperative = await Api.CreateCooperative(members: Ten, quorum: 0.5);
        await Api.DelegateByDefault(cooperative, "m5", "m0");
        var proposal = await Api.OpenProposal(cooperative);
        await Vote(cooperative, proposal, ("m0", "yes"), ("m1", "yes"), ("m2", "yes"), ("m3", "yes"));

        await Api.Close(cooperative, proposal);

        Expect.Tally(await Api.Tally(cooperative, proposal), "closed", 10, 5, (5, 0, 0), quorumReached: true, outcome: "accepted");
    }

    [Fact]
    public async Task The_threshold_must_be_exceeded_not_just_met()
    {
        var cooperative = await Api.CreateCooperative(members: ["m0", "m1", "m2", "m3"]);
        var tie = await Api.OpenProposal(cooperative);
        var majority = await Api.OpenProposal(cooperative);
        await Vote(cooperative, tie, ("m0", "yes"), ("m1", "yes"), ("m2", "no"), ("m3", "no"));
        await Vote(cooperative, majority, ("m0", "yes"), ("m1", "yes"), ("m2", "yes"), ("m3", "no"));

        await Api.Close(cooperative, tie);
        await Api.Close(cooperative, majority);

        Expect.Tally(await Api.Tally(cooperative, tie), "closed", 4, 4, (2, 2, 0), true, "rejected");
        Expect.Tally(await Api.Tally(cooperative, majority), "closed", 4, 4, (3, 1, 0), true, "accepted");
    }

    [Fact]
    public async Task Abstentions_count_toward_quorum_but_not_toward_the_threshold()
    {
        var cooperative = await Api.CreateCooperative(members: ["m0", "m1", "m2", "m3"], quorum: 0.75);
        var proposal = await Api.OpenProposal(cooperative);
        await Vote(cooperative, proposal, ("m0", "yes"), ("m1", "abstain"), ("m2", "abstain"));

        await Api.Close(cooperative, proposal);

        Expect.Tally(await Api.Tally(cooperative, proposal), "closed", 4, 3, (1, 0, 2), true, "accepted");
    }

    [Fact]
    public async Task Only_abstentions_are_rejected()
    {
        var cooperative = await Api.CreateCooperative(members: ["m0", "m1"]);
        var proposal = await Api.OpenProposal(cooperative);
        await Vote(cooperative, proposal, ("m0", "abstain"), ("m1", "abstain"));

        await Api.Close(cooperative, proposal);

        Expect.Tally(await Api.Tally(cooperative, proposal), "closed", 2, 2, (0, 0, 2), true, "rejected");
    }

    [Fact]
    public async Task A_proposals_own_quorum_overrides_the_cooperatives()
    {
        var cooperative = await Api.CreateCooperative(members: Ten, quorum: 0.9);
        var byDefault = await Api.OpenProposal(cooperative);
        var overridden = await Api.OpenProposal(cooperative, quorum: 0.2);
        foreach (var proposal in new[] { byDefault, overridden })
        {
            await Vote(cooperative, proposal, ("m0", "yes"), ("m1", "yes"), ("m2", "no"));
            await Api.Close(cooperative, proposal);
        }

        Expect.Tally(await Api.Tally(cooperative, byDefault), "closed", 10, 3, (2, 1, 0), quorumReached: false, outcome: "rejected");
        Expect.Tally(await Api.Tally(cooperative, overridden), "closed", 10, 3, (2, 1, 0), quorumReached: true, outcome: "accepted");
    }

    [Fact]
    public async Task A_proposals_own_threshold_overrides_the_cooperatives()
    {
        var cooperative = await Api.CreateCooperative(members: ["m0", "m1", "m2"], threshold: 0.5);
        var byDefault = await Api.OpenProposal(cooperative);
        var overridden = await Api.OpenProposal(cooperative, threshold: 0.7);
        var lowered = await Api.OpenProposal(cooperative, threshold: 0.2);
        foreach (var proposal in new[] { byDefault, overridden, lowered })
        {
            await Vote(cooperative, proposal, ("m0", "yes"), ("m1", "yes"), ("m2", "no"));
            await Api.Close(cooperative, proposal);
        }

        Expect.Tally(await Api.Tally(cooperative, byDefault), "closed", 3, 3, (2, 1, 0), true, "accepted");
        Expect.Tally(await Api.Tally(cooperative, overridden), "closed", 3, 3, (2, 1, 0), true, "rejected");
        Expect.Tally(await Api.Tally(cooperative, lowered), "closed", 3, 3, (2, 1, 0), true, "accepted");
    }

    [Fact]
    public async Task The_cooperatives_threshold_applies_when_the_proposal_names_none()
    {
        var cooperative = await Api.CreateCooperative(members: ["m0", "m1", "m2"], threshold: 0.7);
        var proposal = await Api.OpenProposal(cooperative);
        await Vote(cooperative, proposal, ("m0", "yes"), ("m1", "yes"), ("m2", "no"));

        var closed = await Api.Close(cooperative, proposal);

        Assert.Equal(0.7, closed.GetProperty("threshold").GetDouble());
        Expect.Tally(await Api.Tally(cooperative, proposal), "closed", 3, 3, (2, 1, 0), true, "rejected");
    }

    [Fact]
    public async Task The_outcome_appears_only_at_close_and_matches_the_proposal()
    {
        var cooperative = await Api.CreateCooperative(members: ["m0", "m1"]);
        var proposal = await Api.OpenProposal(cooperative);
        await Vote(cooperative, proposal, ("m0", "yes"));
        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", 2, 1, (1, 0, 0), true, null);
        Assert.Equal(JsonValueKind.Null, (await Api.GetJson(Routes.Proposal(cooperative, proposal))).GetProperty("outcome").ValueKind);

        await Api.Close(cooperative, proposal);

        Expect.Tally(await Api.Tally(cooperative, proposal), "closed", 2, 1, (1, 0, 0), true, "accepted");
        Assert.Equal("accepted", (await Api.GetJson(Routes.Proposal(cooperative, proposal))).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task The_tally_of_an_unknown_proposal_is_a_404()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);

        await Expect.Problem(await Api.Get(Routes.Tally(cooperative, "nope")), HttpStatusCode.NotFound, "proposal-not-found");
    }

    private async Task Vote(string cooperative, string proposal, params (string Member, string Choice)[] ballots)
    {
        foreach (var (member, choice) in ballots)
        {
            await Api.Vote(cooperative, proposal, member, choice);
        }
    }
}
