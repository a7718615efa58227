using Governance.Client.Tests.Hosting;

namespace Governance.Client.Tests.Governance;

/// <summary>The README's vote with delegation, through the typed client against the real API.</summary>
[Collection(ApiNodeCollection.Name)]
public sealed class VotingTests(ApiNode node)
{
    private readonly GovernanceClient _ann = node.As("ann");
    private readonly GovernanceClient _ben = node.As("ben");
    private readonly GovernanceClient _cat = node.As("cat");
    private readonly GovernanceClient _dan = node.As("dan");

    [Fact]
    public async Task A_full_vote_with_delegation_counts_every_weight_where_the_chains_lead()
    {
        var cooperative = await _ann.FoundAsync("Acme Bakery", "budget");

        // ben follows ann on everything; cat follows ben on budget questions (cat -> ben -> ann).
        await _ben.SetDefaultDelegationAsync(cooperative, "ben", new SetDelegationRequest { DelegateId = "ann" });
        await _cat.SetTopicDelegationAsync(cooperative, "cat", "budget", new SetDelegationRequest { DelegateId = "ben" });

        var proposal = await _cat.CreateProposalAsync(cooperative, new CreateProposalRequest { Id = "oven", Title = "Buy a new oven", Topic = "budget" });
        Assert.Equal(ProposalStatus.Discussion, proposal.Status);
        Assert.Equal(ProposalStatus.Voting, (await _ann.OpenProposalAsync(cooperative, "oven")).Status);

        // For this proposal only, dan follows cat.
        await _dan.SetProposalDelegationAsync(cooperative, "oven", "dan", new SetDelegationRequest { DelegateId = "cat" });
        await _ann.CastVoteAsync(cooperative, "oven", "ann", new CastVoteRequest { Choice = VoteChoice.Yes });

        var tally = await _dan.GetTallyAsync(cooperative, "oven");
        Assert.Equal((4, 4), (tally.Eligible, tally.Participation));
        Assert.Equal((4, 0, 0), (tally.Counts.Yes, tally.Counts.No, tally.Counts.Abstain));
        Assert.Null(tally.Outcome);

        // cat votes directly, which overrides her delegation, and dan's weight follows her.
        await _cat.CastVoteAsync(cooperative, "oven", "cat", new CastVoteRequest { Choice = VoteChoice.No });
        var trace = await _dan.TraceVoteAsync(cooperative, "oven", "dan");
        Assert.True(trace.Counted);
        Assert.Equal("cat", trace.CarriedBy);
        Assert.Equal(VoteChoice.No, trace.Choice);
        Assert.Equal([("dan", "cat", DelegationScope.Proposal)], trace.Chain.Select(hop => (hop.From, hop.To, hop.Scope)));

        var closed = await _ann.CloseProposalAsync(cooperative, "oven");
        Assert.Equal(ProposalStatus.Closed, closed.Status);
        var final = await _ben.GetTallyAsync(cooperative, "oven");
        Assert.Equal((2, 2, 0), (final.Counts.Yes, final.Counts.No, final.Counts.Abstain));

        // Two yes against two no is not more than the default threshold of one half.
        Assert.Equal(ProposalOutcome.Rejected, final.Outcome);
        Assert.Equal(["ann", "cat"], (await _dan.ListVotesAsync(cooperative, "oven", null, null)).Items.Select(ballot => ballot.MemberId));
    }

    [Fact]
    public async Task A_refused_request_throws_the_problem_details_with_their_code()
    {
        var cooperative = await _ann.FoundAsync("Refusals");
        await _ann.CreateProposalAsync(cooperative, new CreateProposalRequest { Id = "roof", Title = "Fix the roof" });
        await _ann.OpenProposalAsync(cooperative, "roof");

        var forbidden = await Assert.ThrowsAsync<GovernanceApiException<ProblemDetails>>(
            () => _ben.CastVoteAsync(cooperative, "roof", "cat", new CastVoteRequest { Choice = VoteChoice.Yes }));
        Assert.Equal(403, forbidden.StatusCode);
        Assert.Equal("not-yourself", forbidden.Result.Code);

        var invalid = await Assert.ThrowsAsync<GovernanceApiException<ProblemDetails>>(
            () => _ben.CastVoteAsync(cooperative, "roof", "ben", new CastVoteRequest()));
        Assert.Equal(400, invalid.StatusCode);
        Assert.Equal("invalid-choice", invalid.Result.Code);
        Assert.Equal(["choice"], invalid.Result.Errors!.Keys);
    }
}
