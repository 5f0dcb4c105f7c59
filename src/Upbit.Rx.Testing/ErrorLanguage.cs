namespace Upbit.Rx.Testing;

/// <summary>Which message texts the fake exchange puts in its error frames.</summary>
public enum ErrorLanguage
{
    /// <summary>The Korean texts of the Korean host (<c>api.upbit.com</c>), e.g. "Format 이 맞지 않습니다.".</summary>
    Korean,

    /// <summary>The English texts of the regional hosts (sg/id/th), e.g. "Requested using wrong format.".</summary>
    English,
}
