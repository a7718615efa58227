using Governance.Verify;

return VerifyCommand.Run(args, Console.In, Console.Out);
