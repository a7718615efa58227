using System.Text;
using Governance.Domain.Cooperatives;
using Governance.Domain.Rules;
using Governance.Domain.Voting;
using Governance.Grains.Cooperatives;
using Governance.Grains.EventSourcing;

namespace Governance.Grains.Tests.Storage;

/// <summary>
/// Cooperative snapshots are binary columns now; the JSON snapshots written before still restore, exactly. The
/// fixture was written by the JSON format's code: a rejoined member, a joining time at another offset, a member who
/// left with the delegations to and from them, blocked and topic delegations, keys and proposals.
/// </summary>
public sealed class CooperativeSnapshotFormatTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static byte[] JsonFixture => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", "cooperative-snapshot-json-north.json"));

    [Fact]
    public void A_json_snapshot_restores_the_state_it_was_written_from()
    {
        var cooperative = CooperativeSnapshotFormat.Read(JsonFixture, GovernanceLimits.Default);

        Assert.Equal((20L, 13L, "North Bakery", 5), (cooperative.Version, cooperative.DelegationVersion, cooperative.Name, cooperative.MemberCount));
        Assert.Equal(
            [
                new RosterEntry("ann", null, At, 1, null, MemberRole.Admin),
                new RosterEntry("ben", "Ben Baker", At.AddMinutes(1), 2, null, MemberRole.Admin),
                new RosterEntry("cat", null, At.AddMinutes(2), 3),
                new RosterEntry("dan", "Dan", At.AddMinutes(3), 4, 11),
                new RosterEntry("eve", null, At.AddMinutes(4), 5),
                new RosterEntry("dan", "Dan Again", At.AddMinutes(11), 12),
            ],
            cooperative.Roster);
        Assert.Equal(TimeSpan.FromHours(2), cooperative.Roster[3].JoinedAt.Offset);
        Assert.Equal([-1, -1, 1, -1, -1, -1], cooperative.DefaultLayer());
        Assert.Equal([-1, -1, -1, -1, 5, -1], cooperative.TopicLayer("bread"));
        Assert.Equal([-1, -1, DelegationEntry.Blocked, -1, -1, -1], cooperative.TopicLayer("cakes"));
        Assert.Equal("ben", cooperative.DelegationsOf("cat").Default!.DelegateId);
        Assert.Equal(["oven", "roof"], cooperative.Proposals.Select(proposal => proposal.ProposalId));
        Assert.Null(cooperative.FindActiveAppKey("k1"));
        Assert.Equal("hash-2", cooperative.FindActiveAppKey("k2")!.SecretHash);
        Assert.False(cooperative.Settings.MembersMayCreateProposals);
    }

    [Fact]
    public void A_json_snapshot_written_again_as_json_is_the_same_document()
    {
        var cooperative = CooperativeSnapshotFormat.Read(JsonFixture, GovernanceLimits.Default);

        Assert.Equal(Encoding.UTF8.GetString(JsonFixture), Encoding.UTF8.GetString(EventSerializer.Serialize(cooperative.ToSnapshot())));
    }

    [Fact]
    public void A_binary_snapshot_restores_everything_the_json_one_held()
    {
        var original = CooperativeSnapshotFormat.Read(JsonFixture, GovernanceLimits.Default);

        var data = CooperativeSnapshotFormat.Write(original.ToColumns());
        var restored = CooperativeSnapshotFormat.Read(data, GovernanceLimits.Default);

        Assert.Equal("GVCS"u8.ToArray(), data[..4]);
        Assert.Equal(Encoding.UTF8.GetString(JsonFixture), Encoding.UTF8.GetString(EventSerializer.Serialize(restored.ToSnapshot())));
        Assert.Equal(TimeSpan.FromHours(2), restored.Roster[3].JoinedAt.Offset);
    }

    [Fact]
    public void A_restored_cooperative_goes_on_applying_events()
    {
        var restored = CooperativeSnapshotFormat.Read(CooperativeSnapshotFormat.Write(Read(JsonFixture).ToColumns()), GovernanceLimits.Default);

        restored.Apply(restored.DecideAddMember("fay", "Fay", "ann", At.AddHours(1)));
        restored.Apply(restored.DecideSetDelegation("fay", "cakes", "dan", At.AddHours(1))!);
        restored.Apply(restored.DecideRemoveMember("dan", "ann", At.AddHours(2)));

        Assert.Equal(new RosterEntry("fay", "Fay", At.AddHours(1), 21), restored.GetMember("fay"));
        Assert.Equal(23, restored.Roster[5].RemovedVersion);
        Assert.Equal([-1, -1, DelegationEntry.Blocked, -1, -1, -1, -1], restored.TopicLayer("cakes"));
        Assert.Equal(5, restored.MemberCount);
    }

    [Fact]
    public void A_cooperative_of_many_members_round_trips_through_the_binary_format()
    {
        var cooperative = new Cooperative();
        cooperative.Apply(cooperative.DecideCreate("Large", ["energy"], null, null, "m0", At));
        for (var index = 1; index < 5_000; index++)
        {
            cooperative.Apply(new MemberJoined(At.AddSeconds(index), $"m{index}", index % 3 == 0 ? null : $"Name {index}", "m0"));
        }

        for (var index = 1; index < 5_000; index += 2)
        {
            cooperative.Apply(new DelegationSet(At, $"m{index}", index % 4 == 1 ? null : "energy", $"m{index - 1}"));
        }

        var restored = CooperativeSnapshotFormat.Read(CooperativeSnapshotFormat.Write(cooperative.ToColumns()), GovernanceLimits.Default);

        Assert.Equal(cooperative.Roster, restored.Roster);
        Assert.Equal(cooperative.DefaultLayer(), restored.DefaultLayer());
        Assert.Equal(cooperative.TopicLayer("energy"), restored.TopicLayer("energy"));
        Assert.Equal((cooperative.Version, cooperative.DelegationVersion), (restored.Version, restored.DelegationVersion));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(200)]
    [InlineData(-1)]
    public void A_binary_snapshot_with_one_byte_changed_is_refused(int position)
    {
        var data = CooperativeSnapshotFormat.Write(Read(JsonFixture).ToColumns());
        data[position < 0 ? data.Length + position : position] ^= 0x20;

        Assert.Throws<InvalidDataException>(() => CooperativeSnapshotFormat.Read(data, GovernanceLimits.Default));
    }

    [Fact]
    public void A_binary_snapshot_cut_short_is_refused()
    {
        var data = CooperativeSnapshotFormat.Write(Read(JsonFixture).ToColumns());

        Assert.Throws<InvalidDataException>(() => CooperativeSnapshotFormat.Read(data[..(data.Length / 2)], GovernanceLimits.Default));
        Assert.Throws<InvalidDataException>(() => CooperativeSnapshotFormat.Read(data[..6], GovernanceLimits.Default));
    }

    [Fact]
    public void A_binary_snapshot_of_a_later_format_version_is_refused()
    {
        var data = CooperativeSnapshotFormat.Write(Read(JsonFixture).ToColumns());
        data[4] = 2;
        var hash = System.IO.Hashing.XxHash3.HashToUInt64(data.AsSpan(0, data.Length - 8));
        BitConverter.TryWriteBytes(data.AsSpan(data.Length - 8), hash);

        var refused = Assert.Throws<InvalidDataException>(() => CooperativeSnapshotFormat.Read(data, GovernanceLimits.Default));
        Assert.Contains("format version 2", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_snapshot_whose_delegate_is_outside_the_roster_is_refused()
    {
        var columns = Read(JsonFixture).ToColumns();
        var layer = columns.DefaultLayer.ToArray();
        layer[0] = columns.Roster.Count;

        Assert.Throws<InvalidDataException>(() => CooperativeSnapshotFormat.Read(CooperativeSnapshotFormat.Write(columns with { DefaultLayer = layer }), GovernanceLimits.Default));
    }

    [Fact]
    public void Columns_copied_out_stay_as_they_were_while_the_cooperative_moves_on()
    {
        var cooperative = Read(JsonFixture);
        var columns = cooperative.ToColumns();

        cooperative.Apply(cooperative.DecideSetRole("cat", MemberRole.Admin, "ann", At)!);
        cooperative.Apply(cooperative.DecideSetDelegation("ann", null, "cat", At)!);

        Assert.Equal(MemberRole.Member, columns.Roster.Roles[2]);
        Assert.Equal(DelegationEntry.None, columns.DefaultLayer[0]);
    }

    private static Cooperative Read(byte[] data) => CooperativeSnapshotFormat.Read(data, GovernanceLimits.Default);
}
