using System.Net;
using Governance.Contracts.Webhooks;
using Governance.Grains.Hosting;
using Governance.Grains.Storage.GrainState;
using Governance.Grains.Tests.Cluster;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Governance.Grains.Tests.Webhooks;

/// <summary>Deleting an endpoint while it delivers, on a silo whose grain storage can hold a write.</summary>
public sealed class WebhookDeleteTests : IAsyncLifetime
{
    private readonly HeldWritesGrainStorage _storage = new();
    private readonly InProcessTestCluster _cluster;

    public WebhookDeleteTests()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Storage:Provider"] = "Memory",
                    ["Webhooks:AllowedNetworks:0"] = "127.0.0.0/8",
                })
                .Build();
            silo.AddGovernance(configuration);
            silo.Services.AddKeyedSingleton<IGrainStorage>(GrainStorageNames.Governance, _storage);
        });
        _cluster = builder.Build();
    }

    public Task InitializeAsync() => _cluster.DeployAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_webhook_deleted_while_it_saves_a_page_sends_no_further_page()
    {
        await using var receiver = await LoopbackReceiver.Answering(HttpStatusCode.OK);
        var scenario = await new Scenario(_cluster.Client).WithMembers("ann");
        var registry = _cluster.Client.GetGrain<IWebhookRegistryGrain>(scenario.CooperativeId);
        await registry.Create(new CreateWebhookCommand("hook", receiver.Url().AbsoluteUri, null, null, "ann"));
        var (pageSaving, releasePage) = _storage.HoldNextWrite("webhook");
        for (var member = 0; member < 60; member++)
        {
            await scenario.Cooperative.AddMember($"m{member}", null, "ann");
        }

        await pageSaving.WaitAsync(TimeSpan.FromSeconds(20));
        var sentBeforeDelete = receiver.Requests.Count;
        var deleting = registry.Remove("hook");

        // The delete's clear waits behind the page's save, and is held in turn: the endpoint still exists, with
        // events left in the feed, and must not start another page.
        var (clearing, releaseClear) = _storage.HoldNextWrite("webhook");
        await Task.Delay(200);
        releasePage.SetResult();
        await clearing.WaitAsync(TimeSpan.FromSeconds(20));
        await Task.Delay(500);
        releaseClear.SetResult();
        await deleting;

        Assert.InRange(sentBeforeDelete, 1, 60);
        Assert.True(sentBeforeDelete == receiver.Requests.Count, $"{sentBeforeDelete} sent before the delete, {receiver.Requests.Count} in all");
    }
}
