namespace Governance.Contracts.Proposals;

[GenerateSerializer, Immutable]
[Alias("Governance.CreateProposalCommand")]
public sealed record CreateProposalCommand(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string? Body,
    [property: Id(3)] string? Topic,
    [property: Id(4)] DateTimeOffset? ClosesAt,
    [property: Id(5)] double? Quorum,
    [property: Id(6)] double? Threshold,
    [property: Id(7)] string CreatedBy);
