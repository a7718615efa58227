namespace Governance.Api.Authorization;

/// <summary>Who may call a route. Every /v1 route declares one; access control enforces it before the handler runs.</summary>
public enum Access
{
    /// <summary>Any signed-in member (a person, never an app key): creating a cooperative.</summary>
    Person,

    /// <summary>Members of the cooperative in the path, and its app keys with the read scope.</summary>
    Reader,

    /// <summary>Any member of the cooperative in the path, acting as themselves (the caller is the actor); never an app key.</summary>
    Member,

    /// <summary>Only the member named in the path, acting for themselves; admins included, nobody acts for someone else.</summary>
    Self,

    /// <summary>The member named in the path (leaving), or an admin (removing them).</summary>
    SelfOrAdmin,

    /// <summary>Admins, and members too when the cooperative's settings let members create proposals.</summary>
    Proposer,

    /// <summary>Admins of the cooperative in the path.</summary>
    Admin,
}
