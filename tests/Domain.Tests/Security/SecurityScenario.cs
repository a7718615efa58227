using Governance.Domain.Cooperatives;
using Governance.Domain.Rules;
using Governance.Domain.Security;
using static Governance.Domain.Tests.Cooperatives.CooperativeScenario;

namespace Governance.Domain.Tests.Security;

/// <summary>Security commands through the cooperative's own Decide/Apply pair, as the grain does.</summary>
internal static class SecurityScenario
{
    public const string Hash = "secret-hash";

    public static Cooperative CreatedWith(GovernanceLimits limits, params string[] topics)
    {
        var cooperative = new Cooperative { Limits = limits };
        cooperative.Apply(cooperative.DecideCreate("Bakery", topics, null, null, Founder, Now));
        return cooperative;
    }

    /// <summary>Changes a role; the change must do something.</summary>
    public static Cooperative SetRole(this Cooperative cooperative, string memberId, MemberRole role, string by = Founder)
    {
        var change = cooperative.DecideSetRole(memberId, role, by, Now);
        Assert.NotNull(change);
        cooperative.Apply(change);
        return cooperative;
    }

    public static Cooperative Issue(this Cooperative cooperative, string keyId, string name = "Dashboard", string by = Founder)
    {
        cooperative.Apply(cooperative.DecideIssueAppKey(keyId, name, [AppKeyScopes.Read], Hash, by, Now));
        return cooperative;
    }

    /// <summary>Revokes an active key; the revocation must do something.</summary>
    public static Cooperative Revoke(this Cooperative cooperative, string keyId, DateTimeOffset? at = null, string by = Founder)
    {
        var change = cooperative.DecideRevokeAppKey(keyId, by, at ?? Now);
        Assert.NotNull(change);
        cooperative.Apply(change);
        return cooperative;
    }

    public static RuleViolationException AssertViolation(RuleViolationKind kind, string code, Func<object?> command)
    {
        var violation = Assert.Throws<RuleViolationException>(command);
        Assert.Equal(kind, violation.Kind);
        Assert.Equal(code, violation.Code);
        return violation;
    }

    public static void AssertInvalid(string code, string field, Func<object?> command) =>
        Assert.Equal(field, AssertViolation(RuleViolationKind.Invalid, code, command).Field);
}
