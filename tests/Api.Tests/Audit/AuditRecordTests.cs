using Governance.Verify.Canonical;
using Governance.Verify.Checks;
using Governance.Verify.Records;

namespace Governance.Api.Tests.Audit;

/// <summary>
/// A closed proposal's or poll's audit record: exactly its rule, eligible members, counted delegations, ballots and
/// the result the tally route answers, sealed with a digest the verifier recomputes; refused until the close.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AuditRecordTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_closed_proposals_record_holds_its_rule_every_counted_delegation_and_ballot_and_the_tally_at_close()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat", "dan"], topics: ["budget", "hiring"]);
        await Api.DelegateByDefault(cooperative, "ben", "ann");
        await Api.DelegateOnTopic(cooperative, "cat", "budget", "ben");
        await Api.DelegateOnTopic(cooperative, "dan", "hiring", "ann");
        await Api.DelegateByDefault(cooperative, "dan", null);
        var proposal = await Api.OpenProposal(cooperative, topic: "budget", threshold: 0.6);
        await Api.DelegateOnProposal(cooperative, proposal, "dan", "cat");
        await Api.Vote(cooperative, proposal, "ann", "yes");
        await Api.Vote(cooperative, proposal, "cat", "no");
        await Api.Withdraw(cooperative, proposal, "cat");
        await Api.Close(cooperative, proposal);

        var body = await Api.Get(Routes.Audit(cooperative, proposal));
        var record = await Expect.Ok(body);

        Assert.Equal(
            Canonical($$$"""
            {"decision": {"kind": "proposal", "id": "{{{proposal}}}", "cooperativeId": "{{{cooperative}}}", "topic": "budget", "method": "majority",
                          "parameters": {}, "quorum": 0, "threshold": 0.6},
             "eligible": ["ann", "ben", "cat", "dan"],
             "delegations": {"default": {"ben": "ann", "dan": null}, "topic": {"cat": "ben"}, "decision": {"dan": "cat"}},
             "ballots": [{"memberId": "ann", "choice": "yes"}],
             "result": {"status": "closed", "eligible": 4, "participation": 4, "counts": {"yes": 4, "no": 0, "abstain": 0},
                        "quorumReached": true, "outcome": "accepted"}}
            """),
            RecordDigest.CanonicalForm(record));
        Assert.Equal(Canonical(await Api.GetJson(Routes.Tally(cooperative, proposal))), CanonicalJson.Of(record.GetProperty("result")));
        Assert.Matches("^sha256:[0-9a-f]{64}$", record.GetProperty("digest").GetString());
        Assert.Equal(RecordDigest.Of(record), record.GetProperty("digest").GetString());
    }

    [Fact]
    public async Task The_record_is_the_same_on_every_read_and_the_verifier_confirms_it()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"]);
        await Api.DelegateByDefault(cooperative, "cat", "ben");
        var proposal = await Api.OpenProposal(cooperative);
        await Api.Vote(cooperative, proposal, "ben", "no");
        await Api.Close(cooperative, proposal);

        var first = await (await Api.Get(Routes.Audit(cooperative, proposal))).Content.ReadAsStringAsync();
        var second = await (await Api.Get(Routes.Audit(cooperative, proposal))).Content.ReadAsStringAsync();

        Assert.Equal(first, second);
        var verification = Verification.Of(RecordReader.Read(first));
        Assert.True(verification.Verified, string.Join("\n", verification.Checks));
    }

    [Fact]
    public async Task A_closed_polls_record_holds_its_items_its_parameter_and_each_ballot_as_cast()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"]);
        await Api.DelegateByDefault(cooperative, "cat", "ann");
        var poll = await Api.OpenPoll(cooperative, method: "score", items: ["a", "b"], parameters: ("maxScore", 3));
        await Api.CastBallot(cooperative, poll, "ann", new { allocations = new[] { new { item = "b", amount = 3 }, new { item = "a", amount = 1 } } });
        await Api.CastBallot(cooperative, poll, "ben", new { allocations = new[] { new { item = "a", amount = 2 } } });
        await Api.ClosePoll(cooperative, poll);

        var record = await Api.GetJson(PriorityRoutes.Audit(cooperative, poll));

        Assert.Equal(
            Canonical($$$"""
            {"decision": {"kind": "poll", "id": "{{{poll}}}", "cooperativeId": "{{{cooperative}}}", "topic": null, "method": "score",
                          "parameters": {"maxScore": 3}, "items": [{"id": "a", "title": "Item A"}, {"id": "b", "title": "Item B"}]},
             "eligible": ["ann", "ben", "cat"],
             "delegations": {"default": {"cat": "ann"}, "topic": {}, "decision": {}},
             "ballots": [{"memberId": "ann", "allocations": [{"item": "b", "amount": 3}, {"item": "a", "amount": 1}]},
                         {"memberId": "ben", "allocations": [{"item": "a", "amount": 2}]}],
             "result": {"status": "closed", "method": "score", "eligible": 3, "participation": 3,
                        "ranking": [{"position": 1, "itemId": "b", "title": "Item B", "score": 6, "tied": false},
                                    {"position": 2, "itemId": "a", "title": "Item A", "score": 4, "tied": false}],
                        "schulze": null}}
            """),
            RecordDigest.CanonicalForm(record));
        Assert.Equal(Canonical(await Api.Result(cooperative, poll)), CanonicalJson.Of(record.GetProperty("result")));
        Assert.True(Verification.Of(RecordReader.Read(record.GetRawText())).Verified);
    }

    [Fact]
    public async Task A_delegation_to_a_member_who_joined_after_opening_is_in_the_record_and_counts_nothing()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"]);
        var proposal = await Api.OpenProposal(cooperative);
        await Api.AddMembers(cooperative, "eve");
        await Api.DelegateOnProposal(cooperative, proposal, "ben", "eve");
        await Api.DelegateOnProposal(cooperative, proposal, "eve", "ann");
        await Api.DelegateByDefault(cooperative, "eve", "ann");
        await Api.Vote(cooperative, proposal, "ann", "yes");
        await Api.Close(cooperative, proposal);

        var record = await Api.GetJson(Routes.Audit(cooperative, proposal));

        Assert.Equal(["ann", "ben", "cat"], Expect.Strings(record.GetProperty("eligible")));
        Assert.Equal("""{"decision":{"ben":"eve"},"default":{},"topic":{}}""", CanonicalJson.Of(record.GetProperty("delegations")));
        Expect.Tally(record.GetProperty("result"), "closed", eligible: 3, participation: 1, (1, 0, 0), quorumReached: true, outcome: "accepted");
        Assert.True(Verification.Of(RecordReader.Read(record.GetRawText())).Verified);
    }

    [Fact]
    public async Task A_member_who_left_while_voting_stays_eligible_with_nothing_left_to_their_name()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat", "dan"]);
        await Api.DelegateByDefault(cooperative, "cat", "ben");
        var proposal = await Api.OpenProposal(cooperative);
        await Api.DelegateOnProposal(cooperative, proposal, "dan", "ben");
        await Api.Vote(cooperative, proposal, "ben", "yes");
        await Api.Vote(cooperative, proposal, "ann", "no");
        await Expect.NoContent(await Api.Delete(Routes.Member(cooperative, "ben")));
        await Api.AddMembers(cooperative, "ben");
        await Api.DelegateByDefault(cooperative, "dan", "ben");
        await Api.Close(cooperative, proposal);

        var record = await Api.GetJson(Routes.Audit(cooperative, proposal));

        // dan's default delegation names ben's new membership, which is not eligible; ben's eligible one holds nothing.
        Assert.Equal(["ann", "ben", "cat", "dan"], Expect.Strings(record.GetProperty("eligible")));
        Assert.Equal("""{"decision":{},"default":{"dan":"ben"},"topic":{}}""", CanonicalJson.Of(record.GetProperty("delegations")));
        Assert.Equal(["ann"], Expect.IdsOf(record.GetProperty("ballots"), "memberId"));
        Expect.Tally(record.GetProperty("result"), "closed", eligible: 4, participation: 1, (0, 1, 0), quorumReached: true, outcome: "rejected");
        Assert.True(Verification.Of(RecordReader.Read(record.GetRawText())).Verified);
    }

    [Theory]
    [InlineData("discussion")]
    [InlineData("voting")]
    public async Task Before_the_close_there_is_no_record(string status)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var proposal = status == "voting" ? await Api.OpenProposal(cooperative) : await Api.CreateProposal(cooperative);
        var poll = status == "voting" ? await Api.OpenPoll(cooperative) : await Api.CreatePoll(cooperative);

        var proposalAudit = await Expect.Problem(await Api.Get(Routes.Audit(cooperative, proposal)), HttpStatusCode.Conflict, "proposal-not-closed");
        await Expect.Problem(await Api.Get(PriorityRoutes.Audit(cooperative, poll)), HttpStatusCode.Conflict, "poll-not-closed");

        Assert.Equal($"A proposal has an audit once it has closed; this one is {status}.", proposalAudit.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_poll_has_no_record()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);

        await Expect.Problem(await Api.Get(PriorityRoutes.Audit(cooperative, "nothing")), HttpStatusCode.NotFound, "poll-not-found");
        await Expect.Problem(await Api.Get(PriorityRoutes.Audit("no-such-cooperative", "nothing")), HttpStatusCode.NotFound, "cooperative-not-found");
    }

    private static string Canonical(string json) => CanonicalJson.Of(JsonDocument.Parse(json).RootElement);

    private static string Canonical(JsonElement json) => CanonicalJson.Of(json);
}
