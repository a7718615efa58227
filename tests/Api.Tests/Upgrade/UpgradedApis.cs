namespace Governance.Api.Tests.Upgrade;

/// <summary>The upgraded API twice over one fixture: reading its snapshots, and replaying every log from its first event.</summary>
public sealed class UpgradedApis : IAsyncLifetime
{
    public UpgradedApi FromSnapshots { get; } = new(withSnapshots: true);

    public UpgradedApi FromEvents { get; } = new(withSnapshots: false);

    public UpgradedApi Of(bool fromSnapshots) => fromSnapshots ? FromSnapshots : FromEvents;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await FromSnapshots.DisposeAsync();
        await FromEvents.DisposeAsync();
    }
}
