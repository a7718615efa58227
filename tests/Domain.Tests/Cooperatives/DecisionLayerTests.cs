using FsCheck.Xunit;
using Governance.Domain.Cooperatives;
using Governance.Domain.Voting;

namespace Governance.Domain.Tests.Cooperatives;

/// <summary>A decision's base and the changes it follows must agree with a base taken afresh, whatever the cooperative did meanwhile.</summary>
public sealed class DecisionLayerTests
{
    private const string Topic = "bread";

    [Fact]
    public void A_base_holds_the_members_who_had_joined_with_their_topic_entry_over_the_default_as_it_stands_now()
    {
        var cooperative = CooperativeScenario.Created(Topic).Join("ann", "bob", "cat");
        cooperative.Delegate("ann", null, "bob").Delegate("ann", Topic, "cat").Delegate("bob", Topic, null);
        var rosterVersion = cooperative.Version;
        cooperative.Join("dan").Remove("cat");

        var layers = cooperative.LayerBaseAt(Topic, rosterVersion);

        Assert.Equal([true, true, true, true], layers.Eligible);
        // Cat's removal ended Ann's topic delegation to her, so Ann's default applies again.
        Assert.Equal([DelegationEntry.None, 2, DelegationEntry.Blocked, DelegationEntry.None], layers.Entries);
        Assert.Equal([false, false, true, false], layers.AtTopic!);
        Assert.Equal([new DepartedMembership(3, "cat")], layers.Departed);
    }

    [Fact]
    public void Changes_name_only_the_members_whose_entry_for_the_topic_changed()
    {
        var cooperative = CooperativeScenario.Created(Topic, "milk").Join("ann", "bob", "cat");
        var rosterVersion = cooperative.Version;
        var known = cooperative.DelegationVersion;
        cooperative.Delegate("ann", null, "bob").Delegate("bob", "milk", "cat").Delegate("cat", Topic, "ann");

        var changes = cooperative.LayerChangesSince(Topic, rosterVersion, known)!;

        Assert.Equal([1, 3], changes.Members);
        Assert.Equal([2, 1], changes.Entries);
        Assert.Equal([false, true], changes.AtTopic!);
        Assert.Equal(cooperative.DelegationVersion, changes.Version);
    }

    [Fact]
    public void A_removal_changes_the_entries_of_those_who_delegated_to_the_member_and_ends_the_membership()
    {
        var cooperative = CooperativeScenario.Created().Join("ann", "bob", "cat");
        cooperative.Delegate("ann", null, "bob").Delegate("cat", null, "bob");
        var rosterVersion = cooperative.Version;
        var known = cooperative.DelegationVersion;
        cooperative.Remove("bob");

        var changes = cooperative.LayerChangesSince(null, rosterVersion, known)!;

        Assert.Equal([1, 3], changes.Members);
        Assert.Equal([DelegationEntry.None, DelegationEntry.None], changes.Entries);
        Assert.Null(changes.AtTopic);
        Assert.Equal([new DepartedMembership(2, "bob")], changes.Departed);
    }

    [Fact]
    public void Members_who_joined_after_the_roster_was_fixed_are_outside_the_decision()
    {
        var cooperative = CooperativeScenario.Created().Join("ann");
        var rosterVersion = cooperative.Version;
        var known = cooperative.DelegationVersion;
        cooperative.Join("bob").Delegate("bob", null, "ann").Delegate("ann", null, "bob");

        var changes = cooperative.LayerChangesSince(null, rosterVersion, known)!;

        Assert.Equal([1], changes.Members);
        Assert.Equal([2], changes.Entries);
        Assert.Equal(2, cooperative.LayerBaseAt(null, rosterVersion).Entries.Length);
    }

    [Fact]
    public void A_cooperative_loaded_from_a_snapshot_knows_no_change_before_it()
    {
        var cooperative = CooperativeScenario.Created().Join("ann", "bob");
        var known = cooperative.DelegationVersion;
        cooperative.Delegate("ann", null, "bob");
        var loaded = Cooperative.FromSnapshot(cooperative.ToSnapshot(), cooperative.Limits);

        Assert.Null(loaded.LayerChangesSince(null, cooperative.Version, known));
        Assert.NotNull(loaded.LayerChangesSince(null, cooperative.Version, loaded.DelegationVersion));
    }

    [Fact]
    public void Memberships_at_a_version_are_the_ones_that_held_then_else_the_latest()
    {
        var cooperative = CooperativeScenario.Created().Join("ann", "bob");
        var opening = cooperative.Version;
        cooperative.Remove("ann").Join("ann");

        Assert.Equal([1, 2, -1], cooperative.MembershipsAt(["ann", "bob", "zed"], opening));
        Assert.Equal([3], cooperative.MembershipsAt(["ann"], cooperative.Version));
    }

    /// <summary>
    /// Random joins, removals, rejoins, and default and topic delegations set, blocked and cleared, with a decision's
    /// roster fixed part way: after every step, its base with every change since applied equals a fresh base.
    /// </summary>
    [Property(MaxTest = 400)]
    public void Following_the_changes_keeps_a_base_equal_to_a_fresh_one(int seed, bool withTopic)
    {
        var random = new Random(seed);
        var steps = Enumerable.Range(0, random.Next(1, 80)).Select(_ => random.Next()).ToArray();
        var topic = withTopic ? Topic : null;
        var cooperative = CooperativeScenario.Created(Topic, "milk").Join("m1", "m2", "m3");
        var rosterVersion = cooperative.Version;
        var followed = cooperative.LayerBaseAt(topic, rosterVersion);
        var entries = followed.Entries;
        var atTopic = followed.AtTopic;
        var departed = followed.Departed.ToHashSet();
        var known = followed.Version;
        for (var step = 0; step < steps.Length; step++)
        {
            Perform(cooperative, steps[step]);
            if (step == steps.Length / 3)
            {
                // The decision opens here: a new roster, and a new base to follow from.
                rosterVersion = cooperative.Version;
                followed = cooperative.LayerBaseAt(topic, rosterVersion);
                (entries, atTopic, departed, known) = (followed.Entries, followed.AtTopic, followed.Departed.ToHashSet(), followed.Version);
                continue;
            }

            var changes = cooperative.LayerChangesSince(topic, rosterVersion, known)!;
            for (var i = 0; i < changes.Members.Length; i++)
            {
                entries[changes.Members[i]] = changes.Entries[i];
                atTopic?[changes.Members[i]] = changes.AtTopic![i];
            }

            departed.UnionWith(changes.Departed.Where(membership => membership.Index < entries.Length));
            known = changes.Version;

            var fresh = cooperative.LayerBaseAt(topic, rosterVersion);
            Assert.Equal(fresh.Entries, entries);
            Assert.Equal(fresh.AtTopic, atTopic);
            Assert.Equal(fresh.Departed.ToHashSet(), departed);
        }
    }

    /// <summary>One step from a number: who acts, on whom, and what; a step the rules refuse is simply skipped.</summary>
    private static void Perform(Cooperative cooperative, int step)
    {
        var code = (uint)step;
        var member = $"m{(code % 7) + 1}";
        var other = $"m{((code / 7) % 7) + 1}";
        var topic = ((code / 49) % 3) switch { 0 => null, 1 => Topic, _ => "milk" };
        var now = CooperativeScenario.Now;
        try
        {
            var change = ((code / 147) % 6) switch
            {
                0 => cooperative.IsMember(member) ? null : cooperative.DecideAddMember(member, null, CooperativeScenario.Founder, now),
                1 => cooperative.DecideRemoveMember(member, CooperativeScenario.Founder, now),
                2 => cooperative.DecideSetDelegation(member, topic, null, now),
                3 => cooperative.DecideClearDelegation(member, topic, now),
                _ => cooperative.DecideSetDelegation(member, topic, other, now),
            };
            if (change is not null)
            {
                cooperative.Apply(change);
            }
        }
        catch (Rules.RuleViolationException)
        {
        }
    }
}
