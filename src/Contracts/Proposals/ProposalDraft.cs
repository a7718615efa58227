namespace Governance.Contracts.Proposals;

/// <summary>A proposal as its cooperative validated it, with the decision rule already resolved from the cooperative's defaults.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.ProposalDraft")]
public sealed record ProposalDraft(
    [property: Id(0)] string CooperativeId,
    [property: Id(1)] string Title,
    [property: Id(2)] string? Body,
    [property: Id(3)] string? Topic,
    [property: Id(4)] DateTimeOffset? ClosesAt,
    [property: Id(5)] double Quorum,
    [property: Id(6)] double Threshold,
    [property: Id(7)] string CreatedBy);
