-- Gives an OPEN conversation to one agent. KEYS: conversation hash, change stream. ARGV: agent, at (epoch ms), id
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return 'UNKNOWN_CONVERSATION' end
if status == 'CLOSED' then return 'CLOSED' end
if status == 'CLAIMED' then
  if redis.call('HGET', KEYS[1], 'agent') == ARGV[1] then return 'OK' end
  return 'ALREADY_CLAIMED'
end
redis.call('HSET', KEYS[1], 'status', 'CLAIMED', 'agent', ARGV[1], 'lastAt', ARGV[2])
redis.call('XADD', KEYS[2], 'MAXLEN', '~', '10000', '*', 'kind', 'claimed', 'conv', ARGV[3], 'at', ARGV[2],
  'agent', ARGV[1])
return 'OK'
