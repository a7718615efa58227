namespace Governance.Contracts.Paging;

/// <summary>One page of a list. Pass <paramref name="NextCursor"/> back to read on; null means the list ended.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.Page`1")]
public sealed record Page<T>([property: Id(0)] IReadOnlyList<T> Items, [property: Id(1)] string? NextCursor)
{
    /// <summary>The same page with every item shown another way.</summary>
    public Page<TView> Map<TView>(Func<T, TView> view) => new([.. Items.Select(view)], NextCursor);
}
