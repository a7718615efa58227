using System.Collections.Concurrent;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>
/// For tests of behaviour other than authorization: sends each request as the member entitled to make it. A vote or
/// delegation goes as the member named in its path; everything else as the cooperative's founder, its first admin.
/// Authorization tests name their caller explicitly instead (<see cref="GovernanceClient.As"/>).
/// </summary>
public sealed class RightfulCaller
{
    /// <summary>Who creates cooperatives when a test does not say.</summary>
    public const string DefaultFounder = "founder";

    private readonly ConcurrentDictionary<string, string> _founders = new(StringComparer.Ordinal);

    public void RecordFounder(string cooperativeId, string founderId) => _founders[cooperativeId] = founderId;

    public string FounderOf(string cooperativeId) => _founders.GetValueOrDefault(cooperativeId, DefaultFounder);

    public string For(HttpMethod method, string path)
    {
        var segments = path.Split('?')[0].Trim('/').Split('/');
        if (segments is not ["v1", "cooperatives", var cooperativeId, ..])
        {
            return DefaultFounder;
        }

        var actsForSelf = (method == HttpMethod.Put || method == HttpMethod.Delete) && SelfIn(segments[3..]) is not null;
        return actsForSelf ? SelfIn(segments[3..])! : FounderOf(Uri.UnescapeDataString(cooperativeId));
    }

    /// <summary>The member a vote, ballot or delegation path acts for, if it is one.</summary>
    private static string? SelfIn(string[] rest) => rest switch
    {
        ["members", var member, "delegations", ..] => Uri.UnescapeDataString(member),
        ["proposals", _, "delegations", var member] => Uri.UnescapeDataString(member),
        ["proposals", _, "votes", var member] => Uri.UnescapeDataString(member),
        ["priorities", _, "delegations", var member] => Uri.UnescapeDataString(member),
        ["priorities", _, "ballots", var member] => Uri.UnescapeDataString(member),
        _ => null,
    };
}
