namespace Governance.Contracts.Proposals;

[GenerateSerializer, Immutable]
[Alias("Governance.ProposalSummaryView")]
public sealed record ProposalSummaryView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string? Topic,
    [property: Id(3)] ProposalStatus Status,
    [property: Id(4)] DateTimeOffset CreatedAt);
