namespace Governance.Contracts.Cooperatives;

/// <summary>A member's role in one cooperative.</summary>
public enum MemberRole
{
    Member,
    Admin,
}
