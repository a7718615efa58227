using Governance.TestServices;

namespace Governance.Grains.Tests.Storage;

/// <summary>
/// One Azurite for the test run, on free loopback ports, stopped at the end: blob, queue and table services with data on
/// disk, the account a cluster on Azure Storage alone uses, so the store contract suite runs on that stack.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? _server;

    public string ConnectionString => _server?.ConnectionString ?? throw new InvalidOperationException("Azurite has not started.");

    public async Task InitializeAsync() => _server = await AzuriteServer.StartWithTablesAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
