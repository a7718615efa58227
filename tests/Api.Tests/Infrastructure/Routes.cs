namespace Governance.Api.Tests.Infrastructure;

/// <summary>Every path of the API, built in one place so that a test names the resource, not the string.</summary>
public static class Routes
{
    public const string Cooperatives = "/v1/cooperatives";

    public static string Cooperative(string cooperativeId) => $"{Cooperatives}/{cooperativeId}";

    public static string Topic(string cooperativeId, string topic) => $"{Cooperative(cooperativeId)}/topics/{topic}";

    public static string Settings(string cooperativeId) => $"{Cooperative(cooperativeId)}/settings";

    public static string Keys(string cooperativeId) => $"{Cooperative(cooperativeId)}/keys";

    public static string Key(string cooperativeId, string keyId) => $"{Keys(cooperativeId)}/{keyId}";

    public static string Members(string cooperativeId) => $"{Cooperative(cooperativeId)}/members";

    public static string Member(string cooperativeId, string memberId) => $"{Members(cooperativeId)}/{memberId}";

    public static string Role(string cooperativeId, string memberId) => $"{Member(cooperativeId, memberId)}/role";

    public static string Delegations(string cooperativeId, string memberId) => $"{Member(cooperativeId, memberId)}/delegations";

    public static string DefaultDelegation(string cooperativeId, string memberId) => $"{Delegations(cooperativeId, memberId)}/default";

    public static string TopicDelegation(string cooperativeId, string memberId, string topic) =>
        $"{Delegations(cooperativeId, memberId)}/topics/{topic}";

    public static string Proposals(string cooperativeId) => $"{Cooperative(cooperativeId)}/proposals";

    public static string Proposal(string cooperativeId, string proposalId) => $"{Proposals(cooperativeId)}/{proposalId}";

    public static string ProposalDelegation(string cooperativeId, string proposalId, string memberId) =>
        $"{Proposal(cooperativeId, proposalId)}/delegations/{memberId}";

    public static string Open(string cooperativeId, string proposalId) => $"{Proposal(cooperativeId, proposalId)}/open";

    public static string Close(string cooperativeId, string proposalId) => $"{Proposal(cooperativeId, proposalId)}/close";

    public static string Votes(string cooperativeId, string proposalId) => $"{Proposal(cooperativeId, proposalId)}/votes";

    public static string Vote(string cooperativeId, string proposalId, string memberId) => $"{Votes(cooperativeId, proposalId)}/{memberId}";

    public static string Trace(string cooperativeId, string proposalId, string memberId) => $"{Vote(cooperativeId, proposalId, memberId)}/trace";

    public static string Tally(string cooperativeId, string proposalId) => $"{Proposal(cooperativeId, proposalId)}/tally";

    public static string Audit(string cooperativeId, string proposalId) => $"{Proposal(cooperativeId, proposalId)}/audit";

    /// <summary>A list path with its paging (and any other) query parameters; null values are left out.</summary>
    public static string WithQuery(string path, params (string Name, string? Value)[] parameters)
    {
        var query = string.Join('&', parameters
            .Where(parameter => parameter.Value is not null)
            .Select(parameter => $"{parameter.Name}={Uri.EscapeDataString(parameter.Value!)}"));
        return query.Length == 0 ? path : $"{path}?{query}";
    }
}
