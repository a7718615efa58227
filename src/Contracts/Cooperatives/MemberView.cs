namespace Governance.Contracts.Cooperatives;

[GenerateSerializer, Immutable]
[Alias("Governance.MemberView")]
public sealed record MemberView(
    [property: Id(0)] string Id,
    [property: Id(1)] string? Name,
    [property: Id(2)] DateTimeOffset JoinedAt,
    [property: Id(3)] MemberRole Role);
