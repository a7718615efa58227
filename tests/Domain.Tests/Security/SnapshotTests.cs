using Governance.Domain.Cooperatives;
using Governance.Domain.Rules;
using Governance.Domain.Security;
using static Governance.Domain.Tests.Cooperatives.CooperativeScenario;
using static Governance.Domain.Tests.Security.SecurityScenario;

namespace Governance.Domain.Tests.Security;

/// <summary>A snapshot replaces the log on recovery, so everything the security rules read must survive it.</summary>
public sealed class SnapshotTests
{
    private static readonly DateTimeOffset RevokedAt = Now.AddHours(1);

    // v1 created, v2-v4 ann, bob, cyd joined, v5 ann made admin, v6 cyd removed, v7 settings, v8-v9 keys issued,
    // v10 k1 revoked, v11-v12 delegations, v13 proposal registered.
    private static Cooperative Busy()
    {
        var cooperative = Created("bread").Join("ann", "bob", "cyd").SetRole("ann", MemberRole.Admin).Remove("cyd");
        cooperative.Apply(cooperative.DecideChangeSettings(new CooperativeSettings(false), "ann", Now)!);
        cooperative.Apply(cooperative.DecideIssueAppKey("k1", "Dashboard", ["read"], "hash-1", Founder, Now));
        cooperative.Apply(cooperative.DecideIssueAppKey("k2", "Board", ["read", "read"], "hash-2", "ann", Now));
        cooperative.Revoke("k1", RevokedAt, "ann");
        cooperative.Delegate("bob", null, "ann").Delegate("ann", "bread", null);
        cooperative.Apply(cooperative.DecideRegisterProposal("p1", "New oven", "bread", Now));
        return cooperative;
    }

    [Fact]
    public void The_snapshot_holds_roles_settings_and_app_keys()
    {
        var snapshot = Busy().ToSnapshot();

        Assert.Equal(13, snapshot.Version);
        Assert.Equal(12, snapshot.DelegationVersion);
        Assert.Equal(new CooperativeSettings(false), snapshot.Settings);
        Assert.Equal(
            [
                new RosterEntry(Founder, null, Now, 1, null, MemberRole.Admin),
                new RosterEntry("ann", null, Now, 2, null, MemberRole.Admin),
                new RosterEntry("bob", null, Now, 3, null, MemberRole.Member),
                new RosterEntry("cyd", null, Now, 4, 6, MemberRole.Member),
            ],
            snapshot.Roster);
        Assert.Equal(2, snapshot.AppKeys.Count);
        AssertKey(new AppKey("k1", "Dashboard", ["read"], "hash-1", Now, Founder, RevokedAt), snapshot.AppKeys[0]);
        AssertKey(new AppKey("k2", "Board", ["read"], "hash-2", Now, "ann"), snapshot.AppKeys[1]);
    }

    [Fact]
    public void ToSnapshot_then_FromSnapshot_gives_back_the_same_snapshot()
    {
        var original = Busy().ToSnapshot();

        var restored = Cooperative.FromSnapshot(original, GovernanceLimits.Default).ToSnapshot();

        AssertSameSnapshot(original, restored);
    }

    [Fact]
    public void A_restored_cooperative_answers_the_security_questions_as_the_original()
    {
        var original = Busy();

        var restored = Cooperative.FromSnapshot(original.ToSnapshot(), GovernanceLimits.Default);

        Assert.True(restored.Exists);
        Assert.Equal((original.Version, original.DelegationVersion, original.MemberCount), (restored.Version, restored.DelegationVersion, restored.MemberCount));
        Assert.Equal(MemberRole.Admin, restored.RoleOf(Founder));
        Assert.Equal(MemberRole.Admin, restored.RoleOf("ann"));
        Assert.Equal(MemberRole.Member, restored.RoleOf("bob"));
        Assert.Null(restored.RoleOf("cyd"));
        Assert.Equal(new CooperativeSettings(false), restored.Settings);
        Assert.Null(restored.FindActiveAppKey("k1"));
        Assert.Equal("hash-2", restored.FindActiveAppKey("k2")!.SecretHash);
        Assert.Equal(original.DefaultLayer(), restored.DefaultLayer());
        Assert.Equal(original.TopicLayer("bread"), restored.TopicLayer("bread"));
        Assert.Equal(original.Proposals, restored.Proposals);
    }

    [Fact]
    public void A_restored_cooperative_keeps_enforcing_the_security_rules()
    {
        var restored = Cooperative.FromSnapshot(Busy().ToSnapshot(), GovernanceLimits.Default);

        AssertViolation(RuleViolationKind.Conflict, "app-key-exists", () => restored.DecideIssueAppKey("k1", "Again", ["read"], "hash", Founder, Now));
        Assert.Null(restored.DecideRevokeAppKey("k1", Founder, Now));
        Assert.Null(restored.DecideChangeSettings(new CooperativeSettings(false), Founder, Now));
        Assert.Null(restored.DecideSetRole("ann", MemberRole.Admin, Founder, Now));
        Assert.Equal(new RoleChanged(Now, Founder, MemberRole.Member, "ann"), restored.DecideSetRole(Founder, MemberRole.Member, "ann", Now));
        AssertViolation(RuleViolationKind.Conflict, "cooperative-exists", () => restored.DecideCreate("Bakery", null, null, null, Founder, Now));

        restored.Apply(restored.DecideSetRole("ann", MemberRole.Member, Founder, Now)!);
        AssertViolation(RuleViolationKind.Conflict, "last-admin", () => restored.DecideRemoveMember(Founder, Founder, Now));
        Assert.Equal(14, restored.Version);
    }

    [Fact]
    public void A_restored_cooperative_applies_the_limits_it_is_given()
    {
        var limits = new GovernanceLimits { MaxActiveAppKeysPerCooperative = 1, MaxTopicsPerCooperative = 1 };

        var restored = Cooperative.FromSnapshot(Busy().ToSnapshot(), limits);

        Assert.Same(limits, restored.Limits);
        AssertViolation(RuleViolationKind.Conflict, "too-many-app-keys", () => restored.DecideIssueAppKey("k3", "Third", ["read"], "hash", Founder, Now));
        AssertViolation(RuleViolationKind.Conflict, "too-many-topics", () => restored.DecideAddTopic("cakes", Founder, Now));
    }

    [Fact]
    public void A_snapshot_of_a_new_cooperative_round_trips_its_founder_and_default_settings()
    {
        var original = Created().ToSnapshot();

        var restored = Cooperative.FromSnapshot(original, GovernanceLimits.Default);

        AssertSameSnapshot(original, restored.ToSnapshot());
        Assert.Equal(MemberRole.Admin, restored.RoleOf(Founder));
        Assert.Equal(CooperativeSettings.Default, restored.Settings);
        Assert.Empty(restored.AppKeys);
    }

    private static void AssertSameSnapshot(CooperativeSnapshot expected, CooperativeSnapshot actual)
    {
        Assert.Equal(
            (expected.Version, expected.DelegationVersion, expected.Name, expected.CreatedAt, expected.Rule, expected.Settings),
            (actual.Version, actual.DelegationVersion, actual.Name, actual.CreatedAt, actual.Rule, actual.Settings));
        Assert.Equal(expected.Topics, actual.Topics);
        Assert.Equal(expected.Roster, actual.Roster);
        Assert.Equal(expected.DefaultDelegations.OrderBy(pair => pair.Key), actual.DefaultDelegations.OrderBy(pair => pair.Key));
        Assert.Equal(expected.TopicDelegations.Keys.Order(StringComparer.Ordinal), actual.TopicDelegations.Keys.Order(StringComparer.Ordinal));
        foreach (var (topic, layer) in expected.TopicDelegations)
        {
            Assert.Equal(layer.OrderBy(pair => pair.Key), actual.TopicDelegations[topic].OrderBy(pair => pair.Key));
        }

        Assert.Equal(expected.Proposals, actual.Proposals);
        Assert.Equal(expected.AppKeys.Count, actual.AppKeys.Count);
        for (var index = 0; index < expected.AppKeys.Count; index++)
        {
            AssertKey(expected.AppKeys[index], actual.AppKeys[index]);
        }
    }

    /// <summary>AppKey's record equality compares the scope list by reference, so scopes are compared by content.</summary>
    private static void AssertKey(AppKey expected, AppKey actual)
    {
        Assert.Equal(expected.Scopes, actual.Scopes);
        Assert.Equal(expected, actual with { Scopes = expected.Scopes });
    }
}
