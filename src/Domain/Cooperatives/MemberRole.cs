namespace Governance.Domain.Cooperatives;

/// <summary>A member's role in one cooperative. Admins manage settings, topics, members, roles, app keys and proposal lifecycles.</summary>
public enum MemberRole
{
    Member,
    Admin,
}
