namespace Governance.Api.Tests.Infrastructure;

/// <summary>Every test class in this collection shares one API and silo; the tests keep apart by unique ids.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "api";
}

/// <summary>
/// Tests that move the clock get a silo of their own, so that the shifted time never reaches the other tests.
/// It runs alongside <see cref="ApiCollection"/>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ClockCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "clock";
}

/// <summary>
/// Tests that count what the whole process measures (the governance meter is one per process) run alone, after the
/// others, on a silo of their own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "measured";
}
