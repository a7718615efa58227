using Governance.Contracts.Proposals;

namespace Governance.Api.Responses;

public sealed record ProposalView(
    string Id,
    string CooperativeId,
    string Title,
    string? Body,
    string? Topic,
    ProposalStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? ClosesAt,
    DateTimeOffset? ClosedAt,
    double Quorum,
    double Threshold,
    ProposalOutcome? Outcome,
    string CreatedBy,
    string? OpenedBy,
    string? ClosedBy);
