using Governance.Contracts.Errors;
using Governance.Contracts.Members;
using Governance.Grains.EventSourcing;
using Governance.Grains.Tests.Cluster;

namespace Governance.Grains.Tests.Cooperatives;

[Collection(ClusterCollection.Name)]
public sealed class EventSourcedCooperativeTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Concurrent_joins_share_appends_and_all_land()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers();
        var stream = $"cooperative/{scenario.CooperativeId}";
        var appendsBefore = fixture.Store.AppendsTo(stream);

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => scenario.Cooperative.AddMember($"m{i}", null, scenario.Founder)));

        Assert.Equal(201, (await scenario.Cooperative.Get()).MemberCount);
        var appends = fixture.Store.AppendsTo(stream) - appendsBefore;
        Assert.InRange(appends, 1, 100);
    }

    [Fact]
    public async Task A_join_appends_one_small_event_however_large_the_roster()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers();
        await Task.WhenAll(Enumerable.Range(0, 2_000).Select(i => scenario.Cooperative.AddMember($"member-{i}", "A member with a name", scenario.Founder)));
        var stream = $"cooperative/{scenario.CooperativeId}";
        var appendsBefore = fixture.Store.AppendsTo(stream);

        await scenario.Cooperative.AddMember("newcomer", "A member with a name", scenario.Founder);

        Assert.Equal(appendsBefore + 1, fixture.Store.AppendsTo(stream));
        Assert.InRange(fixture.Store.LastAppendBytes(stream), 1, 200);
    }

    [Fact]
    public async Task Roster_survives_reactivation_through_a_snapshot()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers();
        var ids = Enumerable.Range(0, ClusterFixture.SnapshotEvery * 2 + 5).Select(i => $"member-{i:D3}").ToList();
        foreach (var id in ids)
        {
            await scenario.Cooperative.AddMember(id, $"Name {id}", scenario.Founder);
        }

        await scenario.Cooperative.RemoveMember("member-001", scenario.Founder);
        await fixture.Cluster.DeactivateAsync(scenario.Cooperative);

        var snapshot = await fixture.Store.ReadSnapshotAsync($"cooperative/{scenario.CooperativeId}");
        // One snapshot, then events replayed after it: a roster snapshot waits for as many events as members.
        Assert.NotNull(snapshot);
        Assert.InRange(snapshot.Version, ClusterFixture.SnapshotEvery, ids.Count);
        var listed = new List<string>();
        string? cursor = null;
        do
        {
            var page = await scenario.Cooperative.ListMembers(cursor, 7);
            listed.AddRange(page.Items.Select(member => member.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal([scenario.Founder, .. ids.Where(id => id != "member-001")], listed);
        Assert.Equal("Name member-044", (await scenario.Cooperative.GetMember("member-044")).Name);
    }

    [Fact]
    public async Task A_large_roster_is_snapshotted_again_before_too_many_events_follow()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers();
        foreach (var index in Enumerable.Range(0, ClusterFixture.MaxEventsBetweenSnapshots * 4))
        {
            await scenario.Cooperative.AddMember($"member-{index}", null, scenario.Founder);
        }

        var snapshot = await fixture.Store.ReadSnapshotAsync($"cooperative/{scenario.CooperativeId}");

        // 121 events and as many members: waiting for as many events as members would leave every one after the first snapshot.
        var version = 1 + (ClusterFixture.MaxEventsBetweenSnapshots * 4);
        Assert.InRange(snapshot!.Version, version - ClusterFixture.MaxEventsBetweenSnapshots, version);
    }

    [Fact]
    public async Task A_cooperative_gone_quiet_snapshots_the_events_that_followed_its_last_snapshot()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers();
        foreach (var index in Enumerable.Range(0, ClusterFixture.MaxEventsBetweenSnapshots + 5))
        {
            await scenario.Cooperative.AddMember($"member-{index}", null, scenario.Founder);
        }

        // Delegation changes grow the log and not the roster, so they stop short of a due snapshot (30 events here).
        var stream = $"cooperative/{scenario.CooperativeId}";
        var snapshotVersion = (await fixture.Store.ReadSnapshotAsync(stream))?.Version ?? 0;
        var version = await fixture.Store.ReadVersionAsync(stream);
        var delegateId = "member-2";
        while (version - snapshotVersion < ClusterFixture.SnapshotEvery)
        {
            delegateId = delegateId == "member-1" ? "member-2" : "member-1";
            await scenario.Cooperative.SetDelegation("member-0", null, delegateId);
            version++;
        }

        Assert.Equal(version, await fixture.Store.ReadVersionAsync(stream));
        Assert.Equal(snapshotVersion, (await fixture.Store.ReadSnapshotAsync(stream))?.Version ?? 0);

        await WaitUntil(async () =>
        {
            fixture.Clock.Advance(new EventSourcingOptions().SnapshotWhenQuietFor);
            return (await fixture.Store.ReadSnapshotAsync(stream))?.Version == version;
        });
        await fixture.Cluster.DeactivateAsync(scenario.Cooperative);
        Assert.Equal(delegateId, (await scenario.Cooperative.GetDelegations("member-0")).Default?.DelegateId);
    }

    [Fact]
    public async Task A_failed_append_changes_nothing_and_a_retry_succeeds()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers("ann");
        fixture.Store.FailNextAppend($"cooperative/{scenario.CooperativeId}");

        await Assert.ThrowsAsync<TemporarilyUnavailableException>(() => scenario.Cooperative.AddMember("ben", null, scenario.Founder));
        await WaitUntil(async () =>
        {
            try
            {
                return (await scenario.Cooperative.Get()).MemberCount == 1;
            }
            catch (TemporarilyUnavailableException)
            {
                return false;
            }
        });

        await scenario.Cooperative.AddMember("ben", null, scenario.Founder);
        Assert.Equal(2, (await scenario.Cooperative.Get()).MemberCount);
    }

    [Fact]
    public async Task The_person_grain_lists_their_cooperatives()
    {
        var person = $"person-{Guid.NewGuid():N}";
        var first = await new Scenario(fixture.Client).WithMembers("ann", person);
        var second = await new Scenario(fixture.Client).WithMembers(person);
        var third = await new Scenario(fixture.Client).WithMembers("ann", person);
        await first.Cooperative.RemoveMember(person, first.Founder);

        var profile = await fixture.Client.GetGrain<IMemberGrain>(person).Get();

        // Founding a cooperative is a membership too; the list is in id order.
        string[] current = [second.CooperativeId, third.CooperativeId];
        Assert.Equal(current.Order(StringComparer.Ordinal), profile.Cooperatives);
    }

    private static async Task WaitUntil(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("The condition never held.");
    }
}
