using Governance.Domain.Proposals;

namespace Governance.Domain.Cooperatives;

/// <summary>A proposal as the cooperative's index lists it.</summary>
public sealed record ProposalSummary(string ProposalId, string Title, string? Topic, ProposalStatus Status, DateTimeOffset CreatedAt);
