using System.Text;
using Governance.Domain.Rules;
using Governance.Grains.Cooperatives;
using Governance.Grains.Storage;
using Governance.Grains.Tests.Cluster;

namespace Governance.Grains.Tests.Cooperatives;

/// <summary>A snapshot only shortens the replay: one the grain cannot read is skipped, and the whole log rebuilds the state.</summary>
[Collection(ClusterCollection.Name)]
public sealed class UnreadableSnapshotTests(ClusterFixture fixture)
{
    public static TheoryData<string> Damages => ["a byte changed", "cut short", "not a snapshot", "empty", "a later format version"];

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task A_cooperative_whose_snapshot_is_damaged_rebuilds_from_its_log(string damage)
    {
        var scenario = await new Scenario(fixture.Client).WithMembers();
        var stream = $"cooperative/{scenario.CooperativeId}";
        var ids = Enumerable.Range(0, ClusterFixture.SnapshotEvery * 2 + 5).Select(i => $"member-{i:D3}").ToList();
        foreach (var id in ids)
        {
            await scenario.Cooperative.AddMember(id, $"Name {id}", scenario.Founder);
        }

        await scenario.Cooperative.SetDelegation("member-003", null, "member-004");
        await fixture.Cluster.DeactivateAsync(scenario.Cooperative);
        var stored = await fixture.Store.ReadSnapshotAsync(stream);
        Assert.NotNull(stored);
        await fixture.Store.SaveSnapshotAsync(stream, stored with { Data = Damage(stored.Data, damage) });

        var listed = new List<string>();
        string? cursor = null;
        do
        {
            var page = await scenario.Cooperative.ListMembers(cursor, 50);
            listed.AddRange(page.Items.Select(member => member.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal([scenario.Founder, .. ids], listed);
        Assert.Equal("Name member-044", (await scenario.Cooperative.GetMember("member-044")).Name);
        Assert.Equal("member-004", (await scenario.Cooperative.GetDelegations("member-003")).Default!.DelegateId);
        await scenario.Cooperative.AddMember("newcomer", null, scenario.Founder);
        Assert.Equal(ids.Count + 2, (await scenario.Cooperative.Get()).MemberCount);

        // The next snapshot replaces the damaged one, and reads.
        await fixture.Cluster.DeactivateAsync(scenario.Cooperative);
        var replaced = await fixture.Store.ReadSnapshotAsync(stream);
        Assert.True(replaced!.Version > stored.Version);
        Assert.True(CooperativeSnapshotFormat.Read(replaced.Data, GovernanceLimits.Default).IsMember("newcomer"));
    }

    private static byte[] Damage(byte[] data, string damage)
    {
        var damaged = data.ToArray();
        switch (damage)
        {
            case "a byte changed":
                damaged[damaged.Length / 2] ^= 0x55;
                return damaged;
            case "cut short":
                return damaged[..(damaged.Length / 2)];
            case "not a snapshot":
                return Encoding.UTF8.GetBytes("{\"version\": \"twelve\"");
            case "empty":
                return [];
            default:
                damaged[4] = 9;
                return damaged;
        }
    }
}
