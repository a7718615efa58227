using System.Diagnostics;
using Governance.Contracts.Cooperatives;
using Governance.Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Governance.SnapshotLoad;

/// <summary>A single-node silo over the database, started for one measurement: the cooperative's first answer after it starts.</summary>
public static class Activation
{
    public static async Task<(TimeSpan FirstAnswer, TimeSpan SecondAnswer)> TimeFirstAnswerAsync(string databasePath, string cooperativeId, string memberId)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:Sqlite:Path"] = databasePath,
        });
        builder.UseOrleans(silo => silo.UseLocalhostClustering().AddGovernance(builder.Configuration));
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var cooperative = host.Services.GetRequiredService<IGrainFactory>().GetGrain<ICooperativeGrain>(cooperativeId);
            var stopwatch = Stopwatch.StartNew();
            await cooperative.GetMember(memberId);
            var first = stopwatch.Elapsed;
            stopwatch.Restart();
            await cooperative.Get();
            return (first, stopwatch.Elapsed);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
