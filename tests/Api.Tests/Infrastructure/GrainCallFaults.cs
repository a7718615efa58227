using System.Collections.Concurrent;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>
/// Makes chosen grain calls fail the way a silo's death makes them fail, for the API's retries to get past. A call
/// that fails before it runs changed nothing; one whose answer is lost ran, and its change was stored.
/// </summary>
public sealed class GrainCallFaults : IOutgoingGrainCallFilter
{
    private readonly ConcurrentDictionary<(Type Grain, string Method), Fault> _faults = new();

    /// <summary>The next <paramref name="times"/> calls of the method fail with a transient error.</summary>
    public void FailNext<TGrain>(string method, bool answerLost, int times = 1) =>
        _faults[(typeof(TGrain), method)] = new Fault(answerLost, times);

    /// <summary>How many calls of the method ran or failed since its fault was set.</summary>
    public int Calls<TGrain>(string method) => _faults.TryGetValue((typeof(TGrain), method), out var fault) ? fault.Calls : 0;

    public void Clear() => _faults.Clear();

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        if (!_faults.TryGetValue((context.InterfaceMethod.DeclaringType!, context.MethodName), out var fault))
        {
            await context.Invoke();
            return;
        }

        var failing = fault.NextFails();
        if (failing && !fault.AnswerLost)
        {
            throw new SiloUnavailableException("The grain's silo died before the call reached it.");
        }

        await context.Invoke();
        if (failing)
        {
            throw new TimeoutException("The grain's silo died before its answer came back.");
        }
    }

    private sealed class Fault(bool answerLost, int times)
    {
        private int _calls;

        public bool AnswerLost => answerLost;

        public int Calls => Volatile.Read(ref _calls);

        public bool NextFails() => Interlocked.Increment(ref _calls) <= times;
    }
}
