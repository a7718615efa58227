using Governance.Domain.Rules;
using Governance.Grains.Decisions;
using Governance.Grains.EventSourcing;
using Governance.Grains.Feed;
using Governance.Grains.Filters;
using Governance.Grains.Reminders;
using Governance.Grains.Storage;
using Governance.Grains.Storage.AzureBlob;
using Governance.Grains.Storage.Memory;
using Governance.Grains.Storage.Sqlite;
using Governance.Grains.Tasks;
using Governance.Grains.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Governance.Grains.Hosting;

public static class GovernanceSiloExtensions
{
    /// <summary>The configuration section of <see cref="GovernanceLimits"/>, shared with the API's early checks.</summary>
    public const string LimitsSection = "Limits";

    /// <summary>Adds the governance grains' services to a silo: the event store, grain storage and reminders the configuration selects, options, and the error filter.</summary>
    public static ISiloBuilder AddGovernance(this ISiloBuilder silo, IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var orleans = KubernetesIdentity.ReadOrleansOptions(configuration);
        var proposals = configuration.GetSection(DecisionOptions.Section).Get<DecisionOptions>() ?? new DecisionOptions();
        var tasks = configuration.GetSection(TaskOptions.Section).Get<TaskOptions>() ?? new TaskOptions();
        var shortestReminderPeriod = proposals.DeadlineReminderPeriod < tasks.ClaimReminderPeriod ? proposals.DeadlineReminderPeriod : tasks.ClaimReminderPeriod;

        silo.Services.AddOptions<EventSourcingOptions>().Bind(configuration.GetSection(EventSourcingOptions.Section));
        silo.Services.AddOptions<DecisionOptions>().Bind(configuration.GetSection(DecisionOptions.Section));
        silo.Services.AddOptions<TaskOptions>().Bind(configuration.GetSection(TaskOptions.Section));
        silo.Services.AddOptions<FeedOptions>().Bind(configuration.GetSection(FeedOptions.Section));
        silo.Services.AddWebhookDelivery(configuration);
        silo.Services.TryAddSingleton<IPollPriorities, PollGrainPriorities>();
        silo.Services.TryAddTransient<DecisionGrainServices>();
        silo.Services.AddOptions<GovernanceLimits>()
            .Bind(configuration.GetSection(LimitsSection))
            .Validate(limits => { limits.Validate(); return true; })
            .ValidateOnStart();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.AddIncomingGrainCallFilter<RuleViolationFilter>();
        silo.Configure<ReminderOptions>(options =>
            options.MinimumReminderPeriod = shortestReminderPeriod < options.MinimumReminderPeriod
                ? shortestReminderPeriod
                : options.MinimumReminderPeriod);

        SqliteStoreOptions? sqlite = null;
        switch (storage.Provider)
        {
            case StorageProvider.Memory:
                silo.Services.AddSingleton<IEventStore, InMemoryEventStore>();
                break;
            case StorageProvider.Sqlite:
                sqlite = storage.Sqlite.ToStoreOptions();
                silo.Services.AddSingleton(sqlite);
                silo.Services.TryAddSingleton(services => new SqliteEventStore(services.GetRequiredService<SqliteStoreOptions>()));
                silo.Services.AddSingleton<IEventStore>(services => services.GetRequiredService<SqliteEventStore>());
                break;
            case StorageProvider.AzureBlob:
                var azureBlob = new AzureBlobStoreOptions(storage.AzureBlob.Container, storage.AzureBlob.MaxBlocksPerSegment);
                azureBlob.Validate();
                var account = AzureStorageAccount.From(storage);
                silo.Services.AddSingleton(_ => new AzureBlobEventStore(account.CreateBlobServiceClient().GetBlobContainerClient(azureBlob.Container), azureBlob.MaxBlocksPerSegment));
                silo.Services.AddSingleton<IEventStore>(services => services.GetRequiredService<AzureBlobEventStore>());
                silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, AzureBlobContainerInitializer>();
                break;
            default:
                throw new InvalidOperationException($"Unknown storage provider '{storage.Provider}'.");
        }

        silo.AddGovernanceGrainStorage(storage);
        UseReminders(silo, orleans, configuration, sqlite);
        return silo;
    }

    /// <summary>
    /// A cluster keeps reminders where it keeps membership (Azure Tables or Redis), shared by every silo, so a deadline
    /// outlives the silo that set it.
    /// A single node keeps them beside its SQLite events; with the memory store, or Azure Blob on one node without
    /// Redis, they live as long as the process.
    /// </summary>
    private static void UseReminders(ISiloBuilder silo, OrleansHostingOptions orleans, IConfiguration configuration, SqliteStoreOptions? sqlite)
    {
        if (orleans.MembershipProvider == MembershipProvider.AzureStorage)
        {
            var tables = GovernanceClusteringExtensions.RequireAzureTables(configuration, silo: true);
            silo.UseAzureTableReminderService(options => options.TableServiceClient = tables);
        }
        else if (orleans.MembershipProvider == MembershipProvider.Redis)
        {
            var redis = GovernanceClusteringExtensions.RequireRedis(orleans);
            silo.UseRedisReminderService(options => options.ConfigurationOptions = RedisConnection.Options(redis));
        }
        else if (sqlite is not null)
        {
            silo.UseSqliteReminderService(sqlite);
        }
        else
        {
            silo.UseInMemoryReminderService();
        }
    }
}
