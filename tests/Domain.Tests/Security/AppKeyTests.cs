using Governance.Domain.Cooperatives;
using Governance.Domain.Rules;
using Governance.Domain.Security;
using static Governance.Domain.Tests.Cooperatives.CooperativeScenario;
using static Governance.Domain.Tests.Security.SecurityScenario;

namespace Governance.Domain.Tests.Security;

public sealed class AppKeyTests
{
    [Fact]
    public void The_only_scope_is_read()
    {
        Assert.Equal(["read"], AppKeyScopes.All);
        Assert.Equal("read", AppKeyScopes.Read);
    }

    [Fact]
    public void Issuing_records_the_trimmed_name_the_scopes_the_hash_and_who_issued_it()
    {
        var cooperative = Created();

        var issued = Assert.IsType<AppKeyIssued>(cooperative.DecideIssueAppKey("k1", "  Dashboard ", ["read"], Hash, Founder, Now));

        Assert.Equal((Now, "k1", "Dashboard", Hash, Founder), (issued.At, issued.KeyId, issued.Name, issued.SecretHash, issued.By));
        Assert.Equal(["read"], issued.Scopes);
        Assert.Empty(cooperative.AppKeys);

        cooperative.Apply(issued);

        var key = Assert.Single(cooperative.AppKeys);
        Assert.Equal((issued.KeyId, issued.Name, issued.SecretHash, Now, Founder, (DateTimeOffset?)null), (key.KeyId, key.Name, key.SecretHash, key.IssuedAt, key.IssuedBy, key.RevokedAt));
        Assert.Equal(["read"], key.Scopes);
        Assert.True(key.IsActive);
        Assert.True(key.Allows(AppKeyScopes.Read));
        Assert.False(key.Allows("write"));
        Assert.Same(key, cooperative.FindActiveAppKey("k1"));
        Assert.Equal(2, cooperative.Version);
    }

    [Fact]
    public void Issuing_does_not_touch_the_roster_or_delegations()
    {
        var cooperative = Created().Join("ann");
        var delegationVersion = cooperative.DelegationVersion;

        cooperative.Issue("k1");

        Assert.Equal(delegationVersion, cooperative.DelegationVersion);
        Assert.Equal(2, cooperative.MemberCount);
        Assert.Null(cooperative.RoleOf("k1"));
    }

    [Fact]
    public void Repeated_scopes_are_kept_once()
    {
        var issued = Assert.IsType<AppKeyIssued>(Created().DecideIssueAppKey("k1", "Dashboard", ["read", "read", "read"], Hash, Founder, Now));

        Assert.Equal(["read"], issued.Scopes);
    }

    public static TheoryData<string[]?> InvalidScopes()
    {
        var data = new TheoryData<string[]?>();
        data.Add(null);
        data.Add([]);
        data.Add(["write"]);
        data.Add(["read", "admin"]);
        data.Add(["READ"]);
        data.Add([""]);
        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidScopes))]
    public void Missing_or_unknown_scopes_are_invalid(string[]? scopes)
    {
        var cooperative = Created();

        AssertInvalid("invalid-scopes", "scopes", () => cooperative.DecideIssueAppKey("k1", "Dashboard", scopes, Hash, Founder, Now));
        Assert.Empty(cooperative.AppKeys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_key_name_is_invalid(string name)
    {
        AssertInvalid("invalid-name", "name", () => Created().DecideIssueAppKey("k1", name, ["read"], Hash, Founder, Now));
    }

    [Fact]
    public void A_key_name_longer_than_the_limit_is_invalid_and_one_at_the_limit_is_not()
    {
        var atLimit = new string('n', GovernanceLimits.Default.MaxNameLength);

        Assert.Equal(atLimit, Assert.IsType<AppKeyIssued>(Created().DecideIssueAppKey("k1", atLimit, ["read"], Hash, Founder, Now)).Name);
        AssertInvalid("invalid-name", "name", () => Created().DecideIssueAppKey("k1", atLimit + "n", ["read"], Hash, Founder, Now));
    }

    [Fact]
    public void A_key_id_that_was_issued_before_is_a_conflict_even_once_revoked()
    {
        var cooperative = Created().Issue("k1");

        AssertViolation(RuleViolationKind.Conflict, "app-key-exists", () => cooperative.DecideIssueAppKey("k1", "Other", ["read"], "other-hash", Founder, Now));

        cooperative.Revoke("k1");
        AssertViolation(RuleViolationKind.Conflict, "app-key-exists", () => cooperative.DecideIssueAppKey("k1", "Other", ["read"], "other-hash", Founder, Now));
        Assert.Single(cooperative.AppKeys);
    }

    [Fact]
    public void Active_keys_are_capped_by_the_limit()
    {
        var cooperative = CreatedWith(new GovernanceLimits { MaxActiveAppKeysPerCooperative = 2 }).Issue("k1").Issue("k2");

        AssertViolation(RuleViolationKind.Conflict, "too-many-app-keys", () => cooperative.DecideIssueAppKey("k3", "Third", ["read"], Hash, Founder, Now));
        Assert.Equal(["k1", "k2"], cooperative.AppKeys.Select(key => key.KeyId));
    }

    [Fact]
    public void The_default_cap_allows_exactly_the_configured_number_of_active_keys()
    {
        var cooperative = Created();
        var cap = GovernanceLimits.Default.MaxActiveAppKeysPerCooperative;
        Assert.Equal(20, cap);
        for (var index = 0; index < cap; index++)
        {
            cooperative.Issue($"k{index}");
        }

        AssertViolation(RuleViolationKind.Conflict, "too-many-app-keys", () => cooperative.DecideIssueAppKey("one-more", "Extra", ["read"], Hash, Founder, Now));
        Assert.Equal(cap, cooperative.AppKeys.Count);
    }

    [Fact]
    public void A_cap_of_zero_refuses_every_key()
    {
        var cooperative = CreatedWith(new GovernanceLimits { MaxActiveAppKeysPerCooperative = 0 });

        AssertViolation(RuleViolationKind.Conflict, "too-many-app-keys", () => cooperative.DecideIssueAppKey("k1", "Dashboard", ["read"], Hash, Founder, Now));
    }

    [Fact]
    public void Revoked_keys_do_not_count_toward_the_cap()
    {
        var cooperative = CreatedWith(new GovernanceLimits { MaxActiveAppKeysPerCooperative = 2 }).Issue("k1").Issue("k2").Revoke("k1");

        var issued = Assert.IsType<AppKeyIssued>(cooperative.DecideIssueAppKey("k3", "Third", ["read"], Hash, Founder, Now));
        cooperative.Apply(issued);

        Assert.Equal(["k1", "k2", "k3"], cooperative.AppKeys.Select(key => key.KeyId));
        Assert.Equal([false, true, true], cooperative.AppKeys.Select(key => key.IsActive));
        AssertViolation(RuleViolationKind.Conflict, "too-many-app-keys", () => cooperative.DecideIssueAppKey("k4", "Fourth", ["read"], Hash, Founder, Now));
    }

    [Fact]
    public void Revoking_records_when_and_who_and_a_repeat_changes_nothing()
    {
        var revokedAt = Now.AddHours(2);
        var cooperative = Created().Issue("k1");

        var revoked = cooperative.DecideRevokeAppKey("k1", Founder, revokedAt);
        Assert.Equal(new AppKeyRevoked(revokedAt, "k1", Founder), revoked);
        cooperative.Apply(revoked!);

        var key = Assert.Single(cooperative.AppKeys);
        Assert.Equal(revokedAt, key.RevokedAt);
        Assert.False(key.IsActive);
        Assert.False(key.Allows(AppKeyScopes.Read));
        Assert.Equal((Now, Founder), (key.IssuedAt, key.IssuedBy));
        Assert.Null(cooperative.DecideRevokeAppKey("k1", Founder, Now.AddHours(3)));
        Assert.Equal(3, cooperative.Version);
    }

    [Fact]
    public void Revoking_an_unknown_key_is_not_found()
    {
        var cooperative = Created().Issue("k1");

        var violation = AssertViolation(RuleViolationKind.NotFound, "app-key-not-found", () => cooperative.DecideRevokeAppKey("k2", Founder, Now));

        Assert.Null(violation.Field);
        AssertViolation(RuleViolationKind.NotFound, "cooperative-not-found", () => new Cooperative().DecideRevokeAppKey("k1", Founder, Now));
        AssertViolation(RuleViolationKind.NotFound, "cooperative-not-found", () => new Cooperative().DecideIssueAppKey("k1", "Dashboard", ["read"], Hash, Founder, Now));
    }

    [Fact]
    public void FindActiveAppKey_finds_active_keys_only()
    {
        var cooperative = Created().Issue("k1", "First").Issue("k2", "Second").Revoke("k1");

        Assert.Null(cooperative.FindActiveAppKey("k1"));
        Assert.Equal("Second", cooperative.FindActiveAppKey("k2")!.Name);
        Assert.Null(cooperative.FindActiveAppKey("k3"));
        Assert.Null(new Cooperative().FindActiveAppKey("k1"));
    }
}
