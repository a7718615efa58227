using Governance.Api.Authorization;

namespace Governance.Api.Tests.Security;

/// <summary>The kinds of caller every authorization matrix sends each route as.</summary>
public enum Caller
{
    /// <summary>No credentials at all.</summary>
    Anonymous,

    /// <summary>A member (and admin) of a second cooperative who is not a member of this one.</summary>
    Outsider,

    /// <summary>A plain member, naming another member in the path where the route has one.</summary>
    MemberAsOther,

    /// <summary>A plain member, naming themselves in the path where the route has one.</summary>
    Member,

    /// <summary>The admin, naming the plain member in the path where the route has one.</summary>
    AdminAsOther,

    /// <summary>The admin, naming themselves in the path where the route has one.</summary>
    Admin,

    /// <summary>The cooperative's own app key, with the read scope.</summary>
    AppKey,
}

/// <summary>The answers matrix cells expect: the status, then the problem code when the request is refused.</summary>
public static class Answers
{
    public const string Ok = "200";
    public const string Created = "201";
    public const string NoContent = "204";
    public const string Unauthenticated = "401 unauthenticated";
    public const string NotFound = "404 cooperative-not-found";
    public const string AdminOnly = "403 admin-only";
    public const string NotYourself = "403 not-yourself";
    public const string AppKeyNotAllowed = "403 app-key-not-allowed";
}

/// <summary>
/// One route of a matrix, with its template exactly as the app maps it, the body to send, and the answer each kind of
/// caller gets. Each table's own row adds which of its setup's resources the route acts on.
/// </summary>
public abstract record AuthorizationRow(
    string Method,
    string Template,
    Access Access,
    string? Body,
    string Anonymous,
    string Outsider,
    string MemberAsOther,
    string Member,
    string AdminAsOther,
    string Admin,
    string AppKey)
{
    public string Key => $"{Method} {Template}";

    public string Expected(Caller caller) => caller switch
    {
        Caller.Anonymous => Anonymous,
        Caller.Outsider => Outsider,
        Caller.MemberAsOther => MemberAsOther,
        Caller.Member => Member,
        Caller.AdminAsOther => AdminAsOther,
        Caller.Admin => Admin,
        Caller.AppKey => AppKey,
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };
}
