using Governance.Domain.Cooperatives;
using Governance.Domain.Decisions;
using Governance.Grains.Decisions;
using Governance.Grains.EventSourcing;
using Governance.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Security;

/// <summary>
/// An admin's requests race their own removal or demotion. The role check is atomic with the change, so in the
/// logs no action of theirs lands after they lost the right, however the requests interleave.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RoleRaceTests(ApiFactory factory) : ApiTest(factory)
{
    private const int Trials = 12;
    private const int Concurrent = 8;

    private static readonly string[] ReadScope = ["read"];

    private static readonly HttpStatusCode[] Answers = [HttpStatusCode.Created, HttpStatusCode.Forbidden, HttpStatusCode.NotFound];

    [Fact]
    public async Task No_app_key_is_issued_by_an_admin_after_their_removal()
    {
        for (var trial = 0; trial < Trials; trial++)
        {
            var cooperative = await CooperativeWithSecondAdmin();
            var responses = await Race(
                () => Api.As("tb").Post(Routes.Keys(cooperative), new { name = "Bot", scopes = ReadScope }),
                () => Api.As("ta").Delete(Routes.Member(cooperative, "tb")));

            var log = await CooperativeLog(cooperative);
            var removal = log.FindIndex(@event => @event is MemberRemoved { MemberId: "tb" });
            Assert.True(removal >= 0, "The removal was refused.");
            Assert.DoesNotContain(log[removal..], @event => @event is AppKeyIssued { By: "tb" });
            Assert.Equal(responses.Count(response => response.StatusCode == HttpStatusCode.Created), log.Count(@event => @event is AppKeyIssued));
            Assert.All(responses[..^1], response => Assert.Contains(response.StatusCode, Answers));
        }
    }

    [Fact]
    public async Task No_member_is_removed_by_an_admin_after_their_demotion()
    {
        for (var trial = 0; trial < Trials; trial++)
        {
            var cooperative = await CooperativeWithSecondAdmin();
            var members = Enumerable.Range(0, Concurrent).Select(index => $"m{index}").ToArray();
            await Api.AddMembers(cooperative, members);
            var next = 0;
            await Race(
                () => Api.As("tb").Delete(Routes.Member(cooperative, members[Interlocked.Increment(ref next) - 1])),
                () => Api.As("ta").Put(Routes.Role(cooperative, "tb"), new { role = "member" }));

            var log = await CooperativeLog(cooperative);
            var demotion = log.FindIndex(@event => @event is RoleChanged { MemberId: "tb", Role: MemberRole.Member });
            Assert.True(demotion >= 0, "The demotion was refused.");
            Assert.DoesNotContain(log[demotion..], @event => @event is MemberRemoved { By: "tb" });
        }
    }

    [Fact]
    public async Task No_proposal_is_opened_by_an_admin_after_their_removal()
    {
        for (var trial = 0; trial < Trials; trial++)
        {
            var cooperative = await CooperativeWithSecondAdmin();
            var proposals = new List<string>();
            for (var index = 0; index < Concurrent; index++)
            {
                proposals.Add(await Api.CreateProposal(cooperative));
            }

            var next = 0;
            await Race(
                () => Api.As("tb").Post(Routes.Open(cooperative, proposals[Interlocked.Increment(ref next) - 1])),
                () => Api.As("ta").Delete(Routes.Member(cooperative, "tb")));

            // An opening's place in the cooperative's order is the roster version it fixed: the admin's role is checked there.
            var log = await CooperativeLog(cooperative);
            var removedAt = log.FindIndex(@event => @event is MemberRemoved { MemberId: "tb" }) + 1;
            Assert.True(removedAt > 0, "The removal was refused.");
            foreach (var proposal in proposals)
            {
                var opened = (await Log($"proposal/{cooperative}/{proposal}", DecisionLogFormat.Proposal.ReadEvent)).OfType<VotingOpened>().SingleOrDefault();
                Assert.True(opened is null || opened.RosterVersion < removedAt, $"{proposal} opened at {opened?.RosterVersion}, after the removal at {removedAt}.");
            }
        }
    }

    /// <summary>
    /// Sends the actor's requests one after another without waiting, and the revocation in the middle of them, so
    /// that some requests pass the API's access check just before the revocation and reach the grain just after.
    /// The revocation's answer comes last.
    /// </summary>
    private static async Task<HttpResponseMessage[]> Race(Func<Task<HttpResponseMessage>> action, Func<Task<HttpResponseMessage>> revocation)
    {
        var requests = new List<Task<HttpResponseMessage>>();
        Task<HttpResponseMessage>? revoked = null;
        for (var index = 0; index < Concurrent; index++)
        {
            requests.Add(Task.Run(action));
            if (index == Concurrent / 2)
            {
                revoked = Task.Run(revocation);
            }

            await Task.Yield();
        }

        return [.. await Task.WhenAll(requests), await revoked!];
    }

    /// <summary>Founded by "ta", with "tb" made a second admin.</summary>
    private async Task<string> CooperativeWithSecondAdmin()
    {
        var cooperative = await Api.CreateCooperative(members: ["ta", "tb"]);
        await Expect.Ok(await Api.Put(Routes.Role(cooperative, "tb"), new { role = "admin" }));
        return cooperative;
    }

    private Task<List<CooperativeEvent>> CooperativeLog(string cooperativeId) =>
        Log($"cooperative/{cooperativeId}", EventSerializer.Deserialize<CooperativeEvent>);

    private async Task<List<TEvent>> Log<TEvent>(string streamId, Func<byte[], TEvent> read)
    {
        var store = Factory.Services.GetRequiredService<IEventStore>();
        var events = new List<TEvent>();
        await foreach (var record in store.ReadEventsAsync(streamId, 0))
        {
            events.Add(read(record.Data));
        }

        return events;
    }
}
