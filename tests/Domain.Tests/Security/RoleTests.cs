using Governance.Domain.Cooperatives;
using Governance.Domain.Rules;
using static Governance.Domain.Tests.Cooperatives.CooperativeScenario;
using static Governance.Domain.Tests.Security.SecurityScenario;

namespace Governance.Domain.Tests.Security;

public sealed class RoleTests
{
    [Fact]
    public void The_founder_joins_at_index_zero_as_admin_when_the_cooperative_is_created()
    {
        var cooperative = new Cooperative();

        var created = Assert.IsType<CooperativeCreated>(cooperative.DecideCreate("Bakery", null, null, null, Founder, Now));
        Assert.Equal(Founder, created.FounderId);
        Assert.Empty(cooperative.Roster);
        cooperative.Apply(created);

        Assert.Equal(new RosterEntry(Founder, null, Now, 1, null, MemberRole.Admin), Assert.Single(cooperative.Roster));
        Assert.Equal(MemberRole.Admin, cooperative.GetMember(Founder).Role);
        Assert.Equal(MemberRole.Admin, cooperative.RoleOf(Founder));
        Assert.True(cooperative.IsMember(Founder));
        Assert.Equal(1, cooperative.DelegationVersion);
        Assert.Equal(0, cooperative.RosterAt(1).IndexOfEligible(Founder));
    }

    [Fact]
    public void Members_who_join_later_are_plain_members()
    {
        var cooperative = Created().Join("ann");

        Assert.Equal(MemberRole.Member, cooperative.RoleOf("ann"));
        Assert.Equal(new RosterEntry("ann", null, Now, 2, null, MemberRole.Member), cooperative.Roster[1]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("the founder")]
    public void A_malformed_founder_id_is_invalid(string founderId)
    {
        AssertInvalid("invalid-id", "founderId", () => new Cooperative().DecideCreate("Bakery", null, null, null, founderId, Now));
    }

    [Fact]
    public void RoleOf_someone_who_is_not_a_current_member_is_null()
    {
        var cooperative = Created().Join("ann", "bob").SetRole("bob", MemberRole.Admin).Remove("bob");

        Assert.Null(cooperative.RoleOf("eve"));
        Assert.Null(cooperative.RoleOf("bob"));
        Assert.Null(new Cooperative().RoleOf(Founder));
        Assert.Equal(MemberRole.Member, cooperative.RoleOf("ann"));
    }

    [Fact]
    public void The_only_admin_can_be_neither_removed_nor_demoted()
    {
        var cooperative = Created().Join("ann");

        var removal = AssertViolation(RuleViolationKind.Conflict, "last-admin", () => cooperative.DecideRemoveMember(Founder, Founder, Now));
        var demotion = AssertViolation(RuleViolationKind.Conflict, "last-admin", () => cooperative.DecideSetRole(Founder, MemberRole.Member, Founder, Now));

        Assert.Null(removal.Field);
        Assert.Null(demotion.Field);
        Assert.Equal(MemberRole.Admin, cooperative.RoleOf(Founder));
        Assert.Equal(2, cooperative.Version);
    }

    [Fact]
    public void A_plain_member_can_be_removed_while_there_is_a_single_admin()
    {
        var cooperative = Created().Join("ann");

        Assert.Equal(new MemberRemoved(Now, "ann", Founder), cooperative.DecideRemoveMember("ann", Founder, Now));
    }

    [Fact]
    public void Once_another_admin_exists_the_founder_can_be_demoted()
    {
        var cooperative = Created().Join("ann");

        var promotion = cooperative.DecideSetRole("ann", MemberRole.Admin, Founder, Now);
        Assert.Equal(new RoleChanged(Now, "ann", MemberRole.Admin, Founder), promotion);
        cooperative.Apply(promotion!);

        var demotion = cooperative.DecideSetRole(Founder, MemberRole.Member, "ann", Now);
        Assert.Equal(new RoleChanged(Now, Founder, MemberRole.Member, "ann"), demotion);
        cooperative.Apply(demotion!);

        Assert.Equal(MemberRole.Member, cooperative.RoleOf(Founder));
        Assert.Equal(MemberRole.Admin, cooperative.RoleOf("ann"));
        Assert.Equal(new RosterEntry(Founder, null, Now, 1, null, MemberRole.Member), cooperative.Roster[0]);
        AssertViolation(RuleViolationKind.Conflict, "last-admin", () => cooperative.DecideSetRole("ann", MemberRole.Member, "ann", Now));
    }

    [Fact]
    public void Once_another_admin_exists_the_founder_can_be_removed()
    {
        var cooperative = Created().Join("ann").SetRole("ann", MemberRole.Admin);

        var removal = cooperative.DecideRemoveMember(Founder, "ann", Now);
        Assert.Equal(new MemberRemoved(Now, Founder, "ann"), removal);
        cooperative.Apply(removal);

        Assert.Null(cooperative.RoleOf(Founder));
        Assert.Equal(1, cooperative.MemberCount);
        AssertViolation(RuleViolationKind.Conflict, "last-admin", () => cooperative.DecideRemoveMember("ann", "ann", Now));
    }

    [Fact]
    public void A_removed_admin_no_longer_counts_as_another_admin()
    {
        var cooperative = Created().Join("ann").SetRole("ann", MemberRole.Admin).Remove("ann");

        Assert.Equal(MemberRole.Admin, cooperative.Roster[1].Role);
        Assert.False(cooperative.Roster[1].IsCurrent);
        AssertViolation(RuleViolationKind.Conflict, "last-admin", () => cooperative.DecideSetRole(Founder, MemberRole.Member, Founder, Now));
        AssertViolation(RuleViolationKind.Conflict, "last-admin", () => cooperative.DecideRemoveMember(Founder, Founder, Now));
    }

    [Fact]
    public void A_member_who_rejoins_starts_again_as_a_plain_member()
    {
        var cooperative = Created().Join("ann").SetRole("ann", MemberRole.Admin).Remove("ann").Join("ann");

        Assert.Equal(MemberRole.Member, cooperative.RoleOf("ann"));
        Assert.Equal(new RosterEntry("ann", null, Now, 5, null, MemberRole.Member), cooperative.Roster[2]);
    }

    [Fact]
    public void Setting_the_role_a_member_already_has_changes_nothing()
    {
        var cooperative = Created().Join("ann");

        Assert.Null(cooperative.DecideSetRole(Founder, MemberRole.Admin, Founder, Now));
        Assert.Null(cooperative.DecideSetRole("ann", MemberRole.Member, Founder, Now));

        cooperative.SetRole("ann", MemberRole.Admin);
        Assert.Null(cooperative.DecideSetRole("ann", MemberRole.Admin, Founder, Now));
        Assert.Equal(3, cooperative.Version);
    }

    [Fact]
    public void An_undefined_role_is_invalid()
    {
        AssertInvalid("invalid-role", "role", () => Created().Join("ann").DecideSetRole("ann", (MemberRole)7, Founder, Now));
    }

    [Fact]
    public void Setting_the_role_of_someone_who_is_not_a_member_is_not_found()
    {
        var cooperative = Created().Join("ann").Remove("ann");

        AssertViolation(RuleViolationKind.NotFound, "member-not-found", () => cooperative.DecideSetRole("ann", MemberRole.Admin, Founder, Now));
        AssertViolation(RuleViolationKind.NotFound, "member-not-found", () => cooperative.DecideSetRole("eve", MemberRole.Admin, Founder, Now));
        AssertViolation(RuleViolationKind.NotFound, "cooperative-not-found", () => new Cooperative().DecideSetRole(Founder, MemberRole.Admin, Founder, Now));
    }
}
