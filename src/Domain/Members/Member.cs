namespace Governance.Domain.Members;

/// <summary>One person across all their cooperatives.</summary>
public sealed class Member
{
    private readonly SortedSet<string> _cooperatives = new(StringComparer.Ordinal);

    public string? Name { get; private set; }

    public long Version { get; private set; }

    public IReadOnlyCollection<string> Cooperatives => _cooperatives;

    public MemberEvent? DecideStartMembership(string cooperativeId, string? name, DateTimeOffset now) =>
        _cooperatives.Contains(cooperativeId) && (name is null || name == Name) ? null : new MembershipStarted(now, cooperativeId, name);

    public MemberEvent? DecideEndMembership(string cooperativeId, DateTimeOffset now) =>
        _cooperatives.Contains(cooperativeId) ? new MembershipEnded(now, cooperativeId) : null;

    public void Apply(MemberEvent @event)
    {
        Version++;
        switch (@event)
        {
            case MembershipStarted started:
                _cooperatives.Add(started.CooperativeId);
                Name = started.Name ?? Name;
                break;
            case MembershipEnded ended:
                _cooperatives.Remove(ended.CooperativeId);
                break;
            default:
                throw new InvalidOperationException($"Unknown member event {@event.GetType().Name}.");
        }
    }
}
