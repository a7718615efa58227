using Governance.Domain.Cooperatives;
using Governance.Domain.Rules;
using static Governance.Domain.Tests.Cooperatives.CooperativeScenario;
using static Governance.Domain.Tests.Security.SecurityScenario;

namespace Governance.Domain.Tests.Security;

/// <summary>Admin commands check the actor's role in the same step that decides their event.</summary>
public sealed class ActorRightTests
{
    public static TheoryData<string> AdminCommands => ["add-topic", "add-member", "remove-other", "set-role", "settings", "issue-key", "revoke-key"];

    [Theory]
    [MemberData(nameof(AdminCommands))]
    public void A_demoted_admin_is_refused(string command)
    {
        var cooperative = Created("bread").Join("ann", "ben").SetRole("ann", MemberRole.Admin).Issue("k1").SetRole("ann", MemberRole.Member);

        AssertViolation(RuleViolationKind.Forbidden, "admin-only", () => Decide(cooperative, command, by: "ann"));
    }

    [Theory]
    [MemberData(nameof(AdminCommands))]
    public void A_removed_admin_is_refused(string command)
    {
        var cooperative = Created("bread").Join("ann", "ben").SetRole("ann", MemberRole.Admin).Issue("k1").Remove("ann");

        AssertViolation(RuleViolationKind.Forbidden, "admin-only", () => Decide(cooperative, command, by: "ann"));
    }

    [Theory]
    [MemberData(nameof(AdminCommands))]
    public void A_current_admin_is_not(string command)
    {
        var cooperative = Created("bread").Join("ann", "ben").SetRole("ann", MemberRole.Admin).Issue("k1");

        Assert.NotNull(Decide(cooperative, command, by: "ann"));
    }

    [Fact]
    public void A_member_may_leave_but_not_remove_another()
    {
        var cooperative = Created().Join("ann", "ben");

        Assert.Equal(new MemberRemoved(Now, "ann", "ann"), cooperative.DecideRemoveMember("ann", "ann", Now));
        AssertViolation(RuleViolationKind.Forbidden, "admin-only", () => cooperative.DecideRemoveMember("ben", "ann", Now));
    }

    [Fact]
    public void Proposals_and_polls_are_created_by_admins_and_by_members_only_when_the_settings_allow()
    {
        var cooperative = Created("bread").Join("ann");
        cooperative.ValidateDecisionCreation("ann", "bread");
        cooperative.Apply(cooperative.DecideChangeSettings(new CooperativeSettings(false), Founder, Now)!);

        AssertViolation(RuleViolationKind.Forbidden, "admin-only", () => { cooperative.ValidateDecisionCreation("ann", null); return null; });
        AssertViolation(RuleViolationKind.Forbidden, "admin-only", () => { cooperative.ValidateDecisionCreation("gone", null); return null; });
        AssertInvalid("unknown-topic", "topic", () => { cooperative.ValidateDecisionCreation(Founder, "cakes"); return null; });
        cooperative.ValidateDecisionCreation(Founder, "bread");
    }

    private static CooperativeEvent? Decide(Cooperative cooperative, string command, string by) => command switch
    {
        "add-topic" => cooperative.DecideAddTopic("cakes", by, Now),
        "add-member" => cooperative.DecideAddMember("cyd", null, by, Now),
        "remove-other" => cooperative.DecideRemoveMember("ben", by, Now),
        "set-role" => cooperative.DecideSetRole("ben", MemberRole.Admin, by, Now),
        "settings" => cooperative.DecideChangeSettings(new CooperativeSettings(false), by, Now),
        "issue-key" => cooperative.DecideIssueAppKey("k2", "Board", ["read"], "hash", by, Now),
        "revoke-key" => cooperative.DecideRevokeAppKey("k1", by, Now),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, null),
    };
}
