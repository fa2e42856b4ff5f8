-- Counts one answer to a number in the current minute; refuses when a cap is reached (the refused one is not counted).
-- KEYS[1] all answers counter, KEYS[2] unsolicited answers counter
-- ARGV[1] cap of all answers, ARGV[2] cap of unsolicited answers, ARGV[3] 1 when unsolicited
local all = tonumber(redis.call('GET', KEYS[1]) or '0')
if all >= tonumber(ARGV[1]) then
  return 0
end
if ARGV[3] == '1' then
  local unsolicited = tonumber(redis.call('GET', KEYS[2]) or '0')
  if unsolicited >= tonumber(ARGV[2]) then
    return 0
  end
  redis.call('INCR', KEYS[2])
  redis.call('PEXPIRE', KEYS[2], 120000)
end
redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], 120000)
return 1
