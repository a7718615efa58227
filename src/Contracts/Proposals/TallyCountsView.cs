namespace Governance.Contracts.Proposals;

[GenerateSerializer, Immutable]
[Alias("Governance.TallyCountsView")]
public sealed record TallyCountsView([property: Id(0)] int Yes, [property: Id(1)] int No, [property: Id(2)] int Abstain);
