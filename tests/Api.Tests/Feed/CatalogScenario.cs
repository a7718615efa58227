using Governance.Api.Tests.Tasks;

namespace Governance.Api.Tests.Feed;

/// <summary>
/// Commands that, between them, produce every type of the feed's catalog in one cooperative, with the events each
/// source log must show in its order. It moves the clock past a claim's timeout, so it runs in the clock collection.
/// </summary>
public sealed record CatalogScenario(string Cooperative, string Proposal, string Poll, string Task, IReadOnlyDictionary<string, string[]> ExpectedBySource)
{
    private static readonly string[] ReadScope = ["read"];

    public int ExpectedCount => ExpectedBySource.Values.Sum(types => types.Length);

    /// <summary>Runs in a new cooperative, or in <paramref name="founded"/>, which must have been founded by ann alone.</summary>
    public static async Task<CatalogScenario> Run(GovernanceClient api, ApiFactory factory, string? founded = null)
    {
        var cooperative = founded ?? await api.CreateCooperative(members: ["ann"]);
        await Expect.Ok(await api.Put(Routes.Topic(cooperative, "budget")));
        await api.AddMembers(cooperative, "ben", "cat");
        await Expect.Ok(await api.Put(Routes.Settings(cooperative), new { membersMayCreateProposals = false }));
        await Expect.Ok(await api.Put(Routes.Topic(cooperative, "garden")));
        await Expect.Ok(await api.Put(Routes.Role(cooperative, "ben"), new { role = "admin" }));
        var key = (await Expect.Status(await api.Post(Routes.Keys(cooperative), new { name = "Bot", scopes = ReadScope }), HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await Expect.NoContent(await api.Delete(Routes.Key(cooperative, key)));
        await api.DelegateByDefault(cooperative, "ben", "ann");
        await Expect.NoContent(await api.As("ben").Delete(Routes.DefaultDelegation(cooperative, "ben")));
        await api.DelegateOnTopic(cooperative, "cat", "budget", null);

        var proposal = await api.OpenProposal(cooperative);
        await api.Vote(cooperative, proposal, "ann", "yes");
        await api.Withdraw(cooperative, proposal, "ann");
        await api.Vote(cooperative, proposal, "ann", "no");
        await api.DelegateOnProposal(cooperative, proposal, "cat", "ann");
        await Expect.NoContent(await api.As("cat").Delete(Routes.ProposalDelegation(cooperative, proposal, "cat")));
        await api.Close(cooperative, proposal);

        var poll = await api.OpenPoll(cooperative);
        await api.Rank(cooperative, poll, "ben", "b|a|c");
        await api.ClosePoll(cooperative, poll);

        var task = await api.CreateTask(cooperative, "ann");
        await api.Act("ben", TaskRoutes.Claim(cooperative, task));
        await api.Act("ben", TaskRoutes.Release(cooperative, task));
        await api.Act("ben", TaskRoutes.Claim(cooperative, task));
        factory.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await api.Act("cat", TaskRoutes.Claim(cooperative, task));
        await api.Act("cat", TaskRoutes.Complete(cooperative, task));
        await api.Act("ann", TaskRoutes.Review(cooperative, task), new { approved = true });

        await Expect.NoContent(await api.Delete(Routes.Member(cooperative, "cat")));

        var expected = new Dictionary<string, string[]>
        {
            [$"/v1/cooperatives/{cooperative}"] =
            [
                "member.joined", "topic.added", "member.joined", "member.joined", "settings.changed", "topic.added", "member.role_changed",
                "appkey.issued", "appkey.revoked", "delegation.set", "delegation.cleared", "delegation.set", "member.left",
            ],
            [Routes.Proposal(cooperative, proposal)] =
            [
                "proposal.created", "proposal.opened", "ballot.cast", "ballot.withdrawn", "ballot.cast", "delegation.set",
                "delegation.cleared", "proposal.closed",
            ],
            [PriorityRoutes.Poll(cooperative, poll)] = ["poll.created", "poll.opened", "ballot.cast", "poll.closed"],
            [TaskRoutes.Task(cooperative, task)] =
            [
                "task.created", "task.claimed", "task.released", "task.claimed", "task.expired", "task.claimed", "task.completed",
                "task.reviewed",
            ],
        };
        return new CatalogScenario(cooperative, proposal, poll, task, expected);
    }
}
