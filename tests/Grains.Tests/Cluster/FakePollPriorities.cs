using System.Collections.Concurrent;
using Governance.Domain.Rules;
using Governance.Grains.Tasks;

namespace Governance.Grains.Tests.Cluster;

/// <summary>Priority polls as tasks see them, set by the tests; a poll nobody set does not exist, as the poll grain reports it.</summary>
public sealed class FakePollPriorities : IPollPriorities
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, double>> _polls = new(StringComparer.Ordinal);

    public void Set(string cooperativeId, string pollId, IReadOnlyDictionary<string, double> itemPriorities) =>
        _polls[$"{cooperativeId}/{pollId}"] = itemPriorities;

    public Task<IReadOnlyDictionary<string, double>> ItemPriorities(string cooperativeId, string pollId) =>
        _polls.TryGetValue($"{cooperativeId}/{pollId}", out var priorities)
            ? Task.FromResult(priorities)
            : throw RuleViolationException.NotFound("poll-not-found", "No poll has this id.");
}
