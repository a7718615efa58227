namespace Governance.Api.Tests.Infrastructure;

/// <summary>The paths of priority polls, built in one place like <see cref="Routes"/>.</summary>
public static class PriorityRoutes
{
    public static string Polls(string cooperativeId) => $"{Routes.Cooperative(cooperativeId)}/priorities";

    public static string Poll(string cooperativeId, string pollId) => $"{Polls(cooperativeId)}/{pollId}";

    public static string Open(string cooperativeId, string pollId) => $"{Poll(cooperativeId, pollId)}/open";

    public static string Close(string cooperativeId, string pollId) => $"{Poll(cooperativeId, pollId)}/close";

    public static string Result(string cooperativeId, string pollId) => $"{Poll(cooperativeId, pollId)}/result";

    public static string Audit(string cooperativeId, string pollId) => $"{Poll(cooperativeId, pollId)}/audit";

    public static string Ballots(string cooperativeId, string pollId) => $"{Poll(cooperativeId, pollId)}/ballots";

    public static string Ballot(string cooperativeId, string pollId, string memberId) => $"{Ballots(cooperativeId, pollId)}/{memberId}";

    public static string Trace(string cooperativeId, string pollId, string memberId) => $"{Ballot(cooperativeId, pollId, memberId)}/trace";

    public static string Delegation(string cooperativeId, string pollId, string memberId) => $"{Poll(cooperativeId, pollId)}/delegations/{memberId}";
}
