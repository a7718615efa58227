using Governance.Domain.Cooperatives;
using Governance.Domain.Rules;
using static Governance.Domain.Tests.Cooperatives.CooperativeScenario;

namespace Governance.Domain.Tests.Cooperatives;

public sealed class MembershipTests
{
    [Fact]
    public void Joining_gives_the_next_dense_index_and_records_the_log_position()
    {
        var cooperative = Created();

        var joined = cooperative.DecideAddMember("ann", "Ann", Founder, Now);
        Assert.Equal(new MemberJoined(Now, "ann", "Ann", Founder), joined);
        cooperative.Apply(joined);
        cooperative.Join("bob");

        Assert.Equal(3, cooperative.MemberCount);
        Assert.Equal(
            [
                new RosterEntry(Founder, null, Now, 1, Role: MemberRole.Admin),
                new RosterEntry("ann", "Ann", Now, 2),
                new RosterEntry("bob", null, Now, 3),
            ],
            cooperative.Roster);
        Assert.Equal(new RosterEntry("bob", null, Now, 3), cooperative.GetMember("bob"));
        Assert.True(cooperative.IsMember("ann"));
        Assert.Equal(3, cooperative.Version);
        Assert.Equal(3, cooperative.DelegationVersion);
    }

    [Fact]
    public void Joining_twice_is_a_conflict()
    {
        var cooperative = Created().Join("ann");

        var violation = Assert.Throws<RuleViolationException>(() => cooperative.DecideAddMember("ann", null, Founder, Now));

        Assert.Equal(RuleViolationKind.Conflict, violation.Kind);
        Assert.Equal("member-exists", violation.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ann smith")]
    [InlineData("ann/1")]
    public void A_malformed_member_id_is_invalid(string memberId)
    {
        var violation = Assert.Throws<RuleViolationException>(() => Created().DecideAddMember(memberId, null, Founder, Now));

        Assert.Equal(RuleViolationKind.Invalid, violation.Kind);
        Assert.Equal("invalid-id", violation.Code);
        Assert.Equal("id", violation.Field);
    }

    [Fact]
    public void A_blank_member_name_is_invalid_but_a_missing_one_is_fine()
    {
        var violation = Assert.Throws<RuleViolationException>(() => Created().DecideAddMember("ann", " ", Founder, Now));

        Assert.Equal("invalid-name", violation.Code);
        Assert.NotNull(Created().DecideAddMember("ann", null, Founder, Now));
    }

    [Fact]
    public void Removing_ends_the_membership_but_keeps_the_roster_entry()
    {
        var cooperative = Created().Join("ann", "bob").Remove("ann");

        Assert.False(cooperative.IsMember("ann"));
        Assert.Equal(RuleViolationKind.NotFound, Assert.Throws<RuleViolationException>(() => cooperative.GetMember("ann")).Kind);
        Assert.Equal(2, cooperative.MemberCount);
        Assert.Equal(new RosterEntry("ann", null, Now, 2, 4), cooperative.Roster[1]);
        Assert.False(cooperative.Roster[1].IsCurrent);
        Assert.Equal(4, cooperative.DelegationVersion);
    }

    [Fact]
    public void Removing_a_non_member_is_not_found()
    {
        var cooperative = Created().Join("ann").Remove("ann");

        var violation = Assert.Throws<RuleViolationException>(() => cooperative.DecideRemoveMember("ann", Founder, Now));

        Assert.Equal(RuleViolationKind.NotFound, violation.Kind);
        Assert.Equal("member-not-found", violation.Code);
    }

    [Fact]
    public void Rejoining_takes_a_new_index()
    {
        var cooperative = Created().Join("ann", "bob").Remove("ann").Join("ann");

        Assert.Equal(4, cooperative.Roster.Count);
        Assert.Equal(new RosterEntry("ann", null, Now, 5), cooperative.GetMember("ann"));
        Assert.Equal(new RosterEntry("ann", null, Now, 5), cooperative.Roster[3]);
        Assert.Equal(new RosterEntry("ann", null, Now, 2, 4), cooperative.Roster[1]);
        Assert.Equal(3, cooperative.MemberCount);
    }

    [Fact]
    public void RosterAt_fixes_who_was_a_member_at_that_log_position()
    {
        // v1 created (the founder joined), v2 ann joined, v3 bob joined, v4 ann removed, v5 cyd joined, v6 ann rejoined.
        var cooperative = Created().Join("ann", "bob").Remove("ann").Join("cyd", "ann");

        var atOpening = cooperative.RosterAt(3);

        Assert.Equal([Founder, "ann", "bob", "cyd", "ann"], atOpening.MemberIds);
        Assert.Equal([true, true, true, false, false], atOpening.Eligible);
        Assert.Equal(1, atOpening.IndexOfEligible("ann"));
        Assert.False(atOpening.IsEligible("cyd"));
        Assert.Equal(3, atOpening.EligibleCount);

        Assert.Equal([true, false, true, false, false], cooperative.RosterAt(4).Eligible);
        Assert.Equal([true, false, true, true, true], cooperative.RosterAt(6).Eligible);
        Assert.Equal(4, cooperative.RosterAt(6).IndexOfEligible("ann"));
        Assert.Equal([true, false, false, false, false], cooperative.RosterAt(1).Eligible);
        Assert.Equal(1, cooperative.RosterAt(1).EligibleCount);
        Assert.Equal(0, cooperative.RosterAt(0).EligibleCount);
    }

    [Fact]
    public void RosterAt_an_old_version_is_unchanged_by_later_joins_and_removals()
    {
        var cooperative = Created().Join("ann", "bob");
        var before = cooperative.RosterAt(cooperative.Version);

        cooperative.Remove("bob").Join("cyd");
        var after = cooperative.RosterAt(3);

        Assert.Equal([true, true, true], before.Eligible);
        Assert.Equal(before.Eligible, after.Eligible.Take(3));
        Assert.Equal([true, true, true, false], after.Eligible);
    }

    [Fact]
    public void A_members_name_is_stored_trimmed_like_every_other_name()
    {
        var cooperative = Created();

        var joined = Assert.IsType<MemberJoined>(cooperative.DecideAddMember("ann", "  Ann  ", Founder, Now));

        Assert.Equal("Ann", joined.Name);
    }
}
