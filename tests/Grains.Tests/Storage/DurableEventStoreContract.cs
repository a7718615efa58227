namespace Governance.Grains.Tests.Storage;

/// <summary>The contract plus what a persistent store adds: its data outlives the store object.</summary>
public abstract class DurableEventStoreContract : EventStoreContract
{
    [Fact]
    public async Task Events_and_snapshots_survive_reopening_the_store()
    {
        await Store.AppendAsync("s", 0, [Payload("a"), Payload("b")]);
        await Store.SaveSnapshotAsync("s", new(1, Payload("state at 1")));

        await ReopenAsync();

        Assert.Equal(["a", "b"], (await ReadAllAsync("s")).Select(e => Text(e.Data)));
        Assert.Equal("state at 1", Text((await Store.ReadSnapshotAsync("s"))!.Data));
        await Store.AppendAsync("s", 2, [Payload("c")]);
        Assert.Equal(3, (await ReadAllAsync("s")).Count);
    }
}
