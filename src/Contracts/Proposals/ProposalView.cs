namespace Governance.Contracts.Proposals;

[GenerateSerializer, Immutable]
[Alias("Governance.ProposalView")]
public sealed record ProposalView(
    [property: Id(0)] string Id,
    [property: Id(1)] string CooperativeId,
    [property: Id(2)] string Title,
    [property: Id(3)] string? Body,
    [property: Id(4)] string? Topic,
    [property: Id(5)] ProposalStatus Status,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset? OpenedAt,
    [property: Id(8)] DateTimeOffset? ClosesAt,
    [property: Id(9)] DateTimeOffset? ClosedAt,
    [property: Id(10)] double Quorum,
    [property: Id(11)] double Threshold,
    [property: Id(12)] ProposalOutcome? Outcome,
    [property: Id(13)] string CreatedBy,
    [property: Id(14)] string? OpenedBy,
    [property: Id(15)] string? ClosedBy);
