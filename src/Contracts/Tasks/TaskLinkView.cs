namespace Governance.Contracts.Tasks;

/// <summary>What a task serves: an accepted proposal (<paramref name="ProposalId"/>) or a priority poll's item (<paramref name="PollId"/>, <paramref name="ItemId"/>).</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.TaskLinkView")]
public sealed record TaskLinkView([property: Id(0)] string? ProposalId, [property: Id(1)] string? PollId, [property: Id(2)] string? ItemId);
