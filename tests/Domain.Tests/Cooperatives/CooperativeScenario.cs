using Governance.Domain.Cooperatives;

namespace Governance.Domain.Tests.Cooperatives;

/// <summary>Drives a <see cref="Cooperative"/> through its own Decide/Apply pair, as the grain does.</summary>
internal static class CooperativeScenario
{
    public static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Who creates every cooperative in these tests, and so its first admin.</summary>
    public const string Founder = "founder";

    public static Cooperative Created(params string[] topics)
    {
        var cooperative = new Cooperative();
        cooperative.Apply(cooperative.DecideCreate("Bakery", topics, null, null, Founder, Now));
        return cooperative;
    }

    public static Cooperative Join(this Cooperative cooperative, params string[] memberIds)
    {
        foreach (var memberId in memberIds)
        {
            cooperative.Apply(cooperative.DecideAddMember(memberId, null, Founder, Now));
        }

        return cooperative;
    }

    public static Cooperative Remove(this Cooperative cooperative, string memberId)
    {
        cooperative.Apply(cooperative.DecideRemoveMember(memberId, Founder, Now));
        return cooperative;
    }

    /// <summary>Sets a delegation that must change something; a null delegate is an explicit block.</summary>
    public static Cooperative Delegate(this Cooperative cooperative, string memberId, string? topic, string? delegateId)
    {
        var change = cooperative.DecideSetDelegation(memberId, topic, delegateId, Now);
        Assert.NotNull(change);
        cooperative.Apply(change);
        return cooperative;
    }
}
