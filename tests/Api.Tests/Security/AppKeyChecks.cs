using System.Collections.Concurrent;

namespace Governance.Api.Tests.Security;

/// <summary>Counts, per cooperative, the app key checks that reached its grain: the work a made-up key makes the cluster do.</summary>
public sealed class AppKeyChecks : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, int> _checks = new(StringComparer.Ordinal);

    public int Of(string cooperativeId) => _checks.GetValueOrDefault(cooperativeId);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod.Name == nameof(Contracts.Cooperatives.ICooperativeGrain.AuthenticateAppKey))
        {
            _checks.AddOrUpdate(context.TargetId.Key.ToString(), 1, (_, count) => count + 1);
        }

        return context.Invoke();
    }
}
