using Governance.Verify.Records;

namespace Governance.Verify.Chains;

/// <summary>One delegation followed: <see cref="From"/>'s vote goes to <see cref="To"/> by the entry at <see cref="Scope"/>.</summary>
public sealed record Hop(string From, string To, Scope Scope);

/// <summary>Why a member's weight was not counted.</summary>
public enum Loss
{
    /// <summary>The chain ended, by an explicit "none" or no entry at all, before anyone who voted directly.</summary>
    NoDirectVoter,

    /// <summary>The chain came back to a member it had passed.</summary>
    Loop,

    /// <summary>The chain reached someone not in the eligible list.</summary>
    NotEligible,
}

/// <summary>An eligible member's chain: the direct voter who carries their weight, or why nobody does.</summary>
public sealed record Chain(string MemberId, IReadOnlyList<Hop> Hops, string? CarriedBy, Loss? Lost);
