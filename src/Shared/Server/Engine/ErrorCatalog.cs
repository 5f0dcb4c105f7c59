using Upbit.Rx.Streams;

namespace Upbit.Rx.Server;

/// <summary>
/// The error names and message texts of Upbit's WebSocket (protocol reference §5.1). Texts seen on the live hosts
/// are used verbatim; the few never captured (NO_TYPE, NO_CODES in Korean, TOO_MANY_REQUESTS) follow their pattern.
/// </summary>
internal sealed class ErrorCatalog(bool korean)
{
    public const string InvalidAuth = "INVALID_AUTH";
    public const string WrongFormat = "WRONG_FORMAT";
    public const string NoTicket = "NO_TICKET";
    public const string NoType = "NO_TYPE";
    public const string NoCodes = "NO_CODES";
    public const string InvalidParam = "INVALID_PARAM";
    public const string TooManyRequests = "TOO_MANY_REQUESTS";

    private bool Korean => korean;

    public static ServerError Of(string name, string message) => new() { Name = name, Message = message };

    public ServerError Auth() => Of(InvalidAuth, Korean ? "인증 정보가 올바르지 않습니다." : "Authentication information is invalid.");

    public ServerError Format() => Of(WrongFormat, Korean ? "Format 이 맞지 않습니다." : "Requested using wrong format.");

    public ServerError Ticket() => Of(NoTicket, Korean ? "티켓이 존재하지 않거나, 유효하지 않습니다." : "Ticket field must be contained.");

    public ServerError Type() => Of(NoType, Korean ? "타입이 존재하지 않거나, 유효하지 않습니다." : "type field not exists.");

    public ServerError Codes() => Of(NoCodes, Korean ? "코드가 존재하지 않거나, 유효하지 않습니다." : "codes field not exists.");

    public ServerError UnsupportedType(string type) =>
        Of(InvalidParam, Korean ? $"{type} 은 지원하지 않는 타입입니다." : $"type {type} is not supported.");

    public ServerError UnsupportedCategory(string category) =>
        Of(InvalidParam, Korean ? $"{category} 은 지원하지 않는 카테고리입니다." : $"category {category} is not supported.");

    /// <summary>The answer of a server without a private side (the gateway) to a private connection: each user's keys
    /// stay with that user, who connects to Upbit directly for private streams.</summary>
    public ServerError PrivateRefused() => Of(InvalidAuth, Korean
        ? "이 게이트웨이는 공개 시세만 제공합니다. 개인 스트림은 본인 키로 Upbit에 직접 연결하십시오."
        : "This gateway serves public market data only; connect private streams to Upbit directly with your own keys.");

    public ServerError RateLimited() => Of(TooManyRequests, Korean ? "요청 수가 너무 많습니다." : "Too many requests.");
}
